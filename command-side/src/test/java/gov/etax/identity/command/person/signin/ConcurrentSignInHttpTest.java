package gov.etax.identity.command.person.signin;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One person's login attempts racing on two command-side nodes: the history stays one consistent line. */
class ConcurrentSignInHttpTest {

    private static PostgresTestDatabase database;
    private static CommandSideNode nodeA;
    private static CommandSideNode nodeB;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        nodeA = CommandSideNode.start(database);
        nodeB = CommandSideNode.start(database);
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(nodeB, nodeA, database);
    }

    @Test
    @DisplayName("PWD-5: 10 wrong logins at once on two nodes: no 500, each answered, exactly one lock after exactly five counted failures")
    void racingFailuresLockOnce() throws Exception {
        String document = residentIdNumber();
        String personId = register(nodeA.http(), document, phone()).text("personId");
        Map<String, Object> wrong = byDocument(document, "Wrong#2024");
        wrong.put("smsCode", "000000");

        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<HttpJson.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                HttpJson http = (i % 2 == 0 ? nodeA : nodeB).http();
                answers.add(pool.submit(() -> {
                    gate.await();
                    return http.post("/api/sessions", wrong);
                }));
            }
            gate.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<HttpJson.Response> answer : answers) {
                statuses.merge(answer.get().status(), 1, Integer::sum);
            }
            assertThat(statuses).containsOnlyKeys(401, 403);
            assertThat(statuses.get(401)).isEqualTo(4);
            assertThat(statuses.get(403)).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        List<String> history = payloads(personId);
        assertThat(history.stream().filter(p -> p.contains("\"reason\":\"WRONG_PASSWORD\"")).count()).isEqualTo(5);
        assertThat(history.stream().filter(p -> p.contains("lockedUntil")).count()).isEqualTo(1);
        assertThat(history.stream().filter(p -> p.contains("\"reason\":\"ACCOUNT_LOCKED\"")).count()).isEqualTo(5);
    }

    private static List<String> payloads(String personId) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                     + "WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, personId);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
            return payloads;
        }
    }
}
