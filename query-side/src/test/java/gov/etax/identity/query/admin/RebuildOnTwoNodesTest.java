package gov.etax.identity.query.admin;

import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.support.QuerySideNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rebuild with two query nodes on one PostgreSQL (docs/adr/0041): one node rebuilds while both keep their live
 * processors and answer; the other node refuses a second rebuild; after the switch both answer from the new
 * tables and the live processors of both go on from the rebuild's position. The two nodes share this JVM and so
 * Axon's owner name in {@code tokenentry}; separate processes, each with its own segments, are
 * {@code ClusterFailoverIT}'s.
 */
@Tag("postgresql")
class RebuildOnTwoNodesTest {

    private static final Duration LAG = Duration.ofSeconds(60);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode rebuilding;
    private static QuerySideNode other;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        rebuilding = QuerySideNode.start(database, commandNode.http(), ReplayGate.class);
        other = QuerySideNode.start(database, commandNode.http(), ReplayGate.class);
    }

    @AfterAll
    static void stop() {
        ReplayGate.open();
        Closeables.closeAll(other, rebuilding, commandNode, database);
    }

    @Test
    @DisplayName("Rebuild on one of two nodes: both answer 200 throughout, the other refuses a second rebuild (409), "
            + "after the switch both show what happened meanwhile and the live processors go on")
    void rebuildWhileAnotherNodeServes() throws Exception {
        HttpJson command = commandNode.http();
        String auditor = staffToken(command, "AUDITOR");
        String operator = staffToken(command, "OPERATOR");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accounts.add("/api/persons/" + registered(command).personId() + "/account");
        }
        for (String path : accounts) {
            for (QuerySideNode node : List.of(rebuilding, other)) {
                await().atMost(LAG).until(() -> node.http().as(auditor).get(path).status() == 200);
            }
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                for (String path : accounts) {
                    for (QuerySideNode node : List.of(rebuilding, other)) {
                        HttpJson.Response answer = node.http().as(auditor).get(path);
                        reads.incrementAndGet();
                        if (answer.status() != 200) {
                            refused.add(answer.status() + " " + answer.raw());
                        }
                    }
                }
            }
        }, "reader");
        reader.start();

        List<Person> meanwhile = new ArrayList<>();
        ReplayGate.close();
        try {
            HttpJson.Response replay = rebuilding.http().as(operator)
                    .post("/api/admin/projections/person-accounts/replay", Map.of());
            assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
            HttpJson.Response second = other.http().as(operator).post("/api/admin/projections/audit/replay", Map.of());
            assertThat(second.status()).as(second.raw()).isEqualTo(409);
            assertThat(second.text("code")).isEqualTo("PROJECTION_REBUILD_RUNNING");
            for (int i = 0; i < 2; i++) {
                meanwhile.add(registered(command));
            }
            for (Person person : meanwhile) {
                await().atMost(LAG).until(() -> other.http().as(auditor)
                        .get("/api/persons/" + person.personId() + "/account").status() == 200);
            }
        } finally {
            ReplayGate.open();
        }
        await().atMost(LAG).untilAsserted(() -> assertThat(rebuilding.http().as(operator)
                .get("/api/admin/projections/person-accounts").body().path("rebuild").path("state").asText())
                .isEqualTo("SWITCHED"));
        Person after = registered(command);
        for (QuerySideNode node : List.of(rebuilding, other)) {
            for (Person person : List.of(meanwhile.get(0), meanwhile.get(1), after)) {
                await().atMost(LAG).until(() -> node.http().as(auditor)
                        .get("/api/persons/" + person.personId() + "/account").status() == 200);
            }
        }
        reading.set(false);
        reader.join();
        assertThat(reads.get()).isGreaterThan(2 * accounts.size());
        assertThat(refused).as("answers other than 200 during the rebuild").isEmpty();

        // the live processors of the two nodes hold every segment again, and each account is there once
        await().atMost(LAG).untilAsserted(() -> {
            try (Connection connection = database.connect(); var sql = connection.createStatement();
                 ResultSet segments = sql.executeQuery("SELECT count(*), count(owner) FROM tokenentry "
                         + "WHERE processorname = 'person-accounts'")) {
                segments.next();
                assertThat(segments.getInt(2)).isEqualTo(segments.getInt(1)).isPositive();
            }
        });
        try (Connection connection = database.connect(); var sql = connection.createStatement();
             ResultSet counts = sql.executeQuery("SELECT (SELECT count(*) FROM person_account), (SELECT count(*) "
                     + "FROM domainevententry WHERE payloadtype LIKE '%.NaturalPersonRegistered')")) {
            counts.next();
            assertThat(counts.getLong(1)).isEqualTo(counts.getLong(2));
        }
    }
}
