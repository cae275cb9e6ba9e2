package gov.etax.identity.query.admin;

import static gov.etax.identity.command.authorization.Staffing.PASSWORD;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.query.support.QuerySideNode;
import gov.etax.identity.query.support.ReadModels;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A projection never skips an event silently: an event whose handling fails is parked in the dead-letter
 * queue with the later events of its aggregate, the others go on, health and metrics show it, and an
 * operator's retry projects the parked events once the fault is gone. The fault is a statement the
 * database refuses inside the batch's transaction ({@link ProjectionFault}).
 */
class DeadLetterQueueTest {

    private static final Duration LAG = Duration.ofSeconds(60);
    private static final String PROJECTION = "person-accounts";
    private static final String DEAD_LETTERS = "/api/admin/projections/" + PROJECTION + "/dead-letters";
    private static final Set<String> ACCOUNT_TABLES = Set.of("person_account", "person_account_phone");

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static HttpJson command;
    private static HttpJson query;
    private static String operator;
    private static String auditor;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http(), ProjectionFault.class);
        command = commandNode.http();
        query = queryNode.http();
        operator = staffToken(command, "OPERATOR");
        auditor = staffToken(command, "AUDITOR");
    }

    /** Each test starts without a fault and with an empty queue. */
    @AfterEach
    void repair() {
        ProjectionFault.repairAll();
        query.as(operator).post(DEAD_LETTERS + "/retry", Map.of());
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("A failing event is parked with its aggregate's later events, others go on; health DEGRADED and the gauge count it; after the fix a retry projects them, nothing lost or doubled")
    void failedEventWaitsWithItsAggregateUntilRetried() throws SQLException {
        ProjectionFault.armForNextRegistration();
        Person parked = registered(command);
        await().atMost(LAG).untilAsserted(() -> assertThat(deadLetters().get("count").asLong()).isEqualTo(1));
        assertThat(ProjectionFault.isFaulty(parked.personId())).isTrue();
        JsonNode first = deadLetters().get("letters").get(0);
        assertThat(first.get("sequence").asText()).isEqualTo(parked.personId());
        assertThat(first.get("aggregateId").asText()).isEqualTo(parked.personId());
        assertThat(first.get("eventType").asText()).endsWith(".NaturalPersonRegistered");
        assertThat(first.get("causeType").asText()).isNotBlank();
        assertThat(gauge()).isEqualTo(1.0);
        assertThat(account(parked).status()).isEqualTo(404);

        HttpJson.Response health = query.get("/actuator/health");
        assertThat(health.status()).as(health.raw()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("DEGRADED");
        assertThat(health.body().at("/components/deadLetters/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body().at("/components/deadLetters/details").isMissingNode()).as("details are for operators").isTrue();
        JsonNode details = query.as(operator).get("/actuator/health").body().at("/components/deadLetters/details/deadLetters");
        assertThat(details.get(PROJECTION).asLong()).isEqualTo(1);
        assertThat(details.get("authorizations").asLong()).isZero();
        HttpJson.Response readiness = query.get("/actuator/health/readiness");
        assertThat(readiness.status()).as("a node with dead letters stays in the load balancer").isEqualTo(200);

        // a later event of the same aggregate waits behind the parked one
        String session = logIn(command, parked.phone(), PASSWORD);
        String second = phone();
        HttpJson.Response bound = command.as(session).post("/api/me/phones",
                Map.of("phone", second, "smsCode", smsCode(command.as(session), second, "PHONE_BINDING")));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);
        await().atMost(LAG).untilAsserted(() -> assertThat(deadLetters().get("count").asLong()).isEqualTo(2));
        JsonNode waiting = deadLetters().get("letters").get(1);
        assertThat(waiting.get("sequence").asText()).isEqualTo(parked.personId());
        assertThat(waiting.get("eventType").asText()).endsWith(".PhoneBound");
        assertThat(waiting.get("index").asLong()).isGreaterThan(first.get("index").asLong());

        // other aggregates go on
        Person other = registered(command);
        await().atMost(LAG).untilAsserted(() -> assertThat(account(other).status()).isEqualTo(200));
        assertThat(account(parked).status()).isEqualTo(404);
        assertThat(gauge()).isEqualTo(2.0);

        // a retry while the fault is still there: parked again, with its cause; nothing else changes
        java.time.Instant touched = java.time.Instant.parse(deadLetters().at("/letters/0/lastTouched").asText());
        HttpJson.Response failing = query.as(operator).post(DEAD_LETTERS + "/retry", Map.of());
        assertThat(failing.status()).as(failing.raw()).isEqualTo(200);
        assertThat(failing.body().get("retried")).isEmpty();
        assertThat(failing.body().at("/stillFailing/0/sequence").asText()).isEqualTo(parked.personId());
        assertThat(failing.body().at("/stillFailing/0/events").asLong()).isEqualTo(2);
        assertThat(failing.body().at("/stillFailing/0/causeType").asText()).isNotBlank();
        assertThat(failing.body().get("deadLetters").asLong()).isEqualTo(2);
        assertThat(java.time.Instant.parse(deadLetters().at("/letters/0/lastTouched").asText()))
                .as("put back by the retry, not rolled back with it").isAfter(touched);
        assertThat(account(parked).status()).isEqualTo(404);

        ProjectionFault.repairAll();
        HttpJson.Response retried = query.as(operator).post(DEAD_LETTERS + "/retry", Map.of());
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.body().at("/retried/0/sequence").asText()).isEqualTo(parked.personId());
        assertThat(retried.body().at("/retried/0/events").asLong()).isEqualTo(2);
        assertThat(retried.body().get("stillFailing")).isEmpty();
        assertThat(retried.body().get("deadLetters").asLong()).isZero();

        HttpJson.Response account = account(parked);
        assertThat(account.status()).as(account.raw()).isEqualTo(200);
        List<String> phones = new java.util.ArrayList<>();
        account.body().get("phonesMasked").forEach(masked -> phones.add(masked.asText()));
        assertThat(phones).containsExactly(Masking.phone(parked.phone()), Masking.phone(second));
        assertThat(deadLetters().get("count").asLong()).isZero();
        assertThat(gauge()).isZero();
        assertThat(query.get("/actuator/health").text("status")).isEqualTo("UP");

        // the model the retry completed equals, row for row, one rebuilt from the event store
        Map<String, List<String>> retriedModel = ReadModels.snapshot(database, ACCOUNT_TABLES);
        assertThat(retriedModel.get("person_account")).anyMatch(row -> row.contains(parked.personId()));
        replayAndAwait();
        assertThat(ReadModels.snapshot(database, ACCOUNT_TABLES)).isEqualTo(retriedModel);
    }

    @Test
    @DisplayName("A replay clears the projection's dead letters: the rebuilt model handles their events afresh")
    void replayClearsDeadLetters() {
        ProjectionFault.armForNextRegistration();
        Person parked = registered(command);
        await().atMost(LAG).untilAsserted(() -> assertThat(deadLetters().get("count").asLong()).isEqualTo(1));
        ProjectionFault.repairAll();

        replayAndAwait();
        assertThat(deadLetters().get("count").asLong()).isZero();
        assertThat(gauge()).isZero();
        await().atMost(LAG).untilAsserted(() -> assertThat(account(parked).status()).isEqualTo(200));
    }

    @Test
    @DisplayName("Dead letters of an unknown projection: 404 PROJECTION_NOT_FOUND")
    void unknownProjection() {
        HttpJson.Response list = query.as(operator).get("/api/admin/projections/no-such-projection/dead-letters");
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.text("code")).isEqualTo("PROJECTION_NOT_FOUND");
        HttpJson.Response retry = query.as(operator).post("/api/admin/projections/no-such-projection/dead-letters/retry",
                Map.of());
        assertThat(retry.status()).isEqualTo(404);
    }

    private static void replayAndAwait() {
        HttpJson.Response replay = query.as(operator).post("/api/admin/projections/" + PROJECTION + "/replay", Map.of());
        assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
        await().atMost(LAG).untilAsserted(() -> {
            JsonNode status = query.as(operator).get("/api/admin/projections/" + PROJECTION).body();
            if (!PostgresTestDatabase.isH2()) {
                assertThat(status.path("rebuild").path("state").asText()).as(status.toString()).isEqualTo("SWITCHED");
            }
            assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.get("caughtUp").asBoolean()).as(status.toString()).isTrue();
        });
    }

    private static JsonNode deadLetters() {
        HttpJson.Response list = query.as(operator).get(DEAD_LETTERS);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body();
    }

    private static HttpJson.Response account(Person person) {
        return query.as(auditor).get("/api/persons/" + person.personId() + "/account");
    }

    /** The dead-letter gauge of the projection, as the Prometheus scraper reads it. */
    private static double gauge() {
        String scrape = query.get("/actuator/prometheus").raw();
        Matcher line = Pattern.compile("(?m)^etax_projection_dead_letters\\{[^}]*processor=\"" + PROJECTION
                + "\"[^}]*} (\\S+)$").matcher(scrape);
        assertThat(line.find()).as("gauge in %s", scrape.lines().filter(l -> l.contains("dead_letters")).toList()).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
