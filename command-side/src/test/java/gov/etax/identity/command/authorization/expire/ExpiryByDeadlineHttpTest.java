package gov.etax.identity.command.authorization.expire;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.count;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.eventTypes;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ACC-5: an authorization's end of validity is a deadline that two command-side nodes on one
 * PostgreSQL database both watch; it records the expiry once. Both nodes read one clock, which the
 * test moves past midnight; their schedulers follow it (and, as they measure their wait between polls
 * on it too, poll when it moves).
 */
class ExpiryByDeadlineHttpTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final int PENDING_OFFICERS = 5;

    private static PostgresTestDatabase database;
    private static MutableClock clock;
    private static CommandSideNode nodeA;
    private static CommandSideNode nodeB;
    /** Axon's db-scheduler task for deadlines, and how often the two nodes together ran one. */
    private static final String DEADLINE_TASK = "AxonDeadline";
    private static final AtomicInteger deadlinesRun = new AtomicInteger();

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        clock = MutableClock.tomorrowMorningInChina();
        nodeA = CommandSideNode.start(database, clock, "etax.deadlines.polling-interval=PT0.1S");
        nodeB = CommandSideNode.start(database, clock, "etax.deadlines.polling-interval=PT0.1S");
        for (CommandSideNode node : List.of(nodeA, nodeB)) {
            node.bean(Scheduler.class).registerSchedulerListener(new AbstractSchedulerListener() {
                @Override
                public void onExecutionComplete(ExecutionComplete complete) {
                    if (DEADLINE_TASK.equals(complete.getExecution().taskInstance.getTaskName())) {
                        deadlinesRun.incrementAndGet();
                    }
                }
            });
        }
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(nodeB, nodeA, database);
    }

    @Test
    @DisplayName("ACC-5: at 00:00 CST after their last valid day pending and active staff and a tax agent request expire, each with one AuthorizationExpired; one withdrawn before stays withdrawn")
    void eachExpiresOnceOnOneNode() {
        deadlinesRun.set(0);
        HttpJson http = nodeA.http();
        String today = LocalDate.ofInstant(clock.instant(), CST).toString();
        String inAMonth = LocalDate.ofInstant(clock.instant(), CST).plusMonths(1).toString();
        Enterprise client = enterprise(http);
        Enterprise agency = enterprise(http);

        List<String> expiring = new ArrayList<>();
        for (int i = 0; i < PENDING_OFFICERS; i++) {
            expiring.add(nominated(client, registered(http), today));
        }
        Person officer = registered(http);
        String active = nominated(client, officer, today);
        confirmedBy(http, officer, active);
        expiring.add(active);
        Person agent = registered(http);
        String agentAtAgency = nominated(agency, agent, inAMonth);
        confirmedBy(http, agent, agentAtAgency);
        HttpJson.Response requested = agency.asLegalRepresentative().post("/api/enterprises/" + client.uscc() + "/tax-agents",
                Map.of("agencyUscc", agency.uscc(), "agentDocumentType", "RESIDENT_IDENTITY_CARD",
                        "agentDocumentNumber", agent.document(), "validUntil", today));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        expiring.add(requested.text("authorizationId"));
        String withdrawn = nominated(client, registered(http), today);
        HttpJson.Response withdrawal = client.asLegalRepresentative()
                .post("/api/authorizations/" + withdrawn + "/withdrawal", Map.of());
        assertThat(withdrawal.status()).as(withdrawal.raw()).isEqualTo(200);

        clock.set(LocalDate.parse(today).plusDays(1).atStartOfDay(CST).toInstant());
        int due = expiring.size() + 1; // and the withdrawn one's, which it ignores
        await().atMost(Duration.ofSeconds(60)).until(() -> dueDeadlines() == 0 && deadlinesRun.get() >= due
                && expiring.stream().allMatch(id -> eventTypes(database, id).contains("AuthorizationExpired")));

        assertThat(deadlinesRun.get()).as("each due deadline ran on one node, once").isEqualTo(due);

        for (String id : expiring) {
            assertThat(eventTypes(database, id)).as(id).filteredOn("AuthorizationExpired"::equals).hasSize(1);
        }
        assertThat(expiryMetadata(active)).as("the system's, not the nominating person's")
                .contains("\"actorType\":\"SYSTEM\"", "\"channel\":\"system\"").doesNotContain("\"actorId\"");
        assertThat(eventTypes(database, withdrawn)).containsExactly("StaffNominated", "AuthorizationWithdrawn");
        assertThat(eventTypes(database, agentAtAgency)).containsExactly("StaffNominated", "AuthorizationConfirmed");
    }

    @Test
    @DisplayName("ACC-5: authorizations from before deadlines existed get theirs from the task migration V42 leaves, and expire as well")
    void earlierAuthorizationsGetTheirDeadlines() {
        deadlinesRun.set(0);
        HttpJson http = nodeB.http();
        String today = LocalDate.ofInstant(clock.instant(), CST).toString();
        String pending = nominated(enterprise(http), registered(http), today);
        // The database as V42 finds one from before deadlines: not one deadline, and V42's task.
        execute("DELETE FROM scheduled_tasks");
        execute("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                + "VALUES ('earlier-validity-ends', 'V42', CURRENT_TIMESTAMP, FALSE, 1)");
        // Between polls the schedulers wait on the test's clock, which stands still here.
        nodeA.bean(Scheduler.class).triggerCheckForDueExecutions();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(database, "SELECT count(*) FROM scheduled_tasks "
                + "WHERE task_name = 'earlier-validity-ends'") == 0);
        assertThat(count(database, "SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", DEADLINE_TASK))
                .isEqualTo(count(database, "SELECT count(*) FROM authorization_claim WHERE valid_until IS NOT NULL"))
                .isPositive();
        clock.set(LocalDate.parse(today).plusDays(1).atStartOfDay(CST).toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> eventTypes(database, pending).contains("AuthorizationExpired"));
        assertThat(eventTypes(database, pending)).containsExactly("StaffNominated", "AuthorizationExpired");
    }

    /** An enterprise whose legal representative has an enterprise session. */
    private record Enterprise(String uscc, HttpJson asLegalRepresentative) {
    }

    private static Enterprise enterprise(HttpJson http) {
        Person lr = registered(http);
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(http.as(staffToken(http, "TAX_STAFF")), uscc, "江西测试科技有限公司",
                lr, null);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        return new Enterprise(uscc, http.as(enterpriseSessionByFace(http, lr, uscc, "LEGAL_REPRESENTATIVE")));
    }

    private static String nominated(Enterprise enterprise, Person nominee, String validUntil) {
        HttpJson.Response nominated = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), nominee,
                "TAX_OFFICER", validUntil);
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        return nominated.text("authorizationId");
    }

    private static void confirmedBy(HttpJson http, Person nominee, String authorizationId) {
        HttpJson.Response confirmed = http.as(naturalPersonSessionByFace(http, nominee))
                .post("/api/authorizations/" + authorizationId + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
    }

    private static void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String expiryMetadata(String authorizationId) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%.AuthorizationExpired'")) {
            statement.setString(1, authorizationId);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String(rs.getBytes(1), StandardCharsets.UTF_8);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deadlines whose moment has come by the nodes' clock and that no node has run yet. */
    private static long dueDeadlines() {
        return count(database, "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?",
                Timestamp.from(clock.instant()));
    }
}
