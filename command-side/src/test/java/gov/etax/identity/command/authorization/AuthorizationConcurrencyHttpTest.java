package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.count;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.eventTypes;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.infrastructure.axon.ConflictRetryScheduler;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Racing requests on one authorization, sent at the same moment to two command-side nodes on one
 * database: each race ends in one consistent outcome (history, relationship row and claim agree),
 * the loser hears a plain 409, and nobody a 500. On one node Axon's aggregate lock serialises the
 * two; across nodes the loser's transaction meets a unique key and the gateway sends the command again.
 */
class AuthorizationConcurrencyHttpTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final int ROUNDS = 6;

    private static PostgresTestDatabase database;
    private static CommandSideNode nodeA;
    private static CommandSideNode nodeB;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        nodeA = CommandSideNode.start(database);
        nodeB = CommandSideNode.start(database);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        System.out.printf("concurrent changes met: node A %d, node B %d%n",
                nodeA.bean(ConflictRetryScheduler.class).conflictsMet(),
                nodeB.bean(ConflictRetryScheduler.class).conflictsMet());
        Closeables.closeAll(nodeB, nodeA, database);
    }

    /** An enterprise, its LR's sessions on both nodes, and a nominee with face sessions on both nodes. */
    private record Scene(String uscc, HttpJson lrOnA, HttpJson lrOnB, HttpJson nomineeOnA, HttpJson nomineeOnB,
                         Person nominee) {

        String nominate() {
            HttpJson.Response nominated = Staffing.nominate(lrOnA, uscc, nominee, "TAX_OFFICER",
                    LocalDate.now(CST).plusMonths(1).toString());
            assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
            return nominated.text("authorizationId");
        }
    }

    private static Scene scene() {
        HttpJson a = nodeA.http();
        HttpJson b = nodeB.http();
        Person lr = registered(a);
        String uscc = uscc();
        assertThat(confirmEnterprise(a.as(staffToken(a, "TAX_STAFF")), uscc, "江西并发科技有限公司", lr, null).status())
                .isEqualTo(201);
        Person nominee = registered(a);
        return new Scene(uscc,
                a.as(enterpriseSessionByFace(a, lr, uscc, "LEGAL_REPRESENTATIVE")),
                b.as(enterpriseSessionByFace(b, lr, uscc, "LEGAL_REPRESENTATIVE")),
                a.as(naturalPersonSessionByFace(a, nominee)),
                b.as(naturalPersonSessionByFace(b, nominee)),
                nominee);
    }

    @Test
    @DisplayName("ACC-5: two confirmations of one authorization on two nodes: one 200, one 409 AUTHORIZATION_NOT_PENDING, one AuthorizationConfirmed")
    void twoConfirmations() throws Exception {
        Scene scene = scene();
        for (int round = 0; round < ROUNDS; round++) {
            String id = scene.nominate();
            String path = "/api/authorizations/" + id + "/confirmation";
            List<HttpJson.Response> answers = race(
                    () -> scene.nomineeOnA().post(path, Map.of()),
                    () -> scene.nomineeOnB().post(path, Map.of()));

            assertThat(answers).extracting(HttpJson.Response::status).containsExactlyInAnyOrder(200, 409);
            answers.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertProblem(r, 409, "AUTHORIZATION_NOT_PENDING", "ACC-5", null));
            assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmed");
            assertConsistent(id, true);
            // Free the person for the next round.
            assertThat(scene.lrOnA().delete("/api/enterprises/" + scene.uscc() + "/staff/" + id + "?reason=OTHER").status())
                    .isEqualTo(204);
        }
    }

    @Test
    @DisplayName("ACC-5: a confirmation racing a withdrawal on two nodes: exactly one of them wins, the other is a 409")
    void confirmationRacingWithdrawal() throws Exception {
        Scene scene = scene();
        for (int round = 0; round < ROUNDS; round++) {
            String id = scene.nominate();
            boolean confirmOnA = round % 2 == 0;
            List<HttpJson.Response> answers = race(
                    () -> (confirmOnA ? scene.nomineeOnA() : scene.nomineeOnB())
                            .post("/api/authorizations/" + id + "/confirmation", Map.of()),
                    () -> (confirmOnA ? scene.lrOnB() : scene.lrOnA())
                            .post("/api/authorizations/" + id + "/withdrawal", Map.of()));
            HttpJson.Response confirmation = answers.get(0);
            HttpJson.Response withdrawal = answers.get(1);

            assertThat(List.of(confirmation.status(), withdrawal.status())).as(confirmation.raw() + withdrawal.raw())
                    .containsExactlyInAnyOrder(200, 409);
            boolean confirmed = confirmation.status() == 200;
            assertProblem(confirmed ? withdrawal : confirmation, 409, "AUTHORIZATION_NOT_PENDING", "ACC-5", null);
            assertThat(eventTypes(database, id)).containsExactly("StaffNominated",
                    confirmed ? "AuthorizationConfirmed" : "AuthorizationWithdrawn");
            assertConsistent(id, confirmed);
            if (confirmed) {
                assertThat(scene.lrOnB().delete("/api/enterprises/" + scene.uscc() + "/staff/" + id + "?reason=OTHER")
                        .status()).isEqualTo(204);
            }
        }
    }

    @Test
    @DisplayName("ACC-6: a removal racing a confirmation on two nodes: either confirmed then removed, or the removal is a 409 and it stays active")
    void removalRacingConfirmation() throws Exception {
        Scene scene = scene();
        for (int round = 0; round < ROUNDS; round++) {
            String id = scene.nominate();
            boolean confirmOnA = round % 2 == 0;
            List<HttpJson.Response> answers = race(
                    () -> (confirmOnA ? scene.nomineeOnA() : scene.nomineeOnB())
                            .post("/api/authorizations/" + id + "/confirmation", Map.of()),
                    () -> (confirmOnA ? scene.lrOnB() : scene.lrOnA())
                            .delete("/api/enterprises/" + scene.uscc() + "/staff/" + id + "?reason=LEFT_ENTERPRISE"));
            HttpJson.Response confirmation = answers.get(0);
            HttpJson.Response removal = answers.get(1);

            assertThat(confirmation.status()).as(confirmation.raw()).isEqualTo(200);
            assertThat(removal.status()).as(removal.raw()).isIn(204, 409);
            if (removal.status() == 204) {
                assertThat(eventTypes(database, id))
                        .containsExactly("StaffNominated", "AuthorizationConfirmed", "RelationshipRevoked");
                assertConsistent(id, false);
            } else {
                assertProblem(removal, 409, "AUTHORIZATION_NOT_ACTIVE", "ACC-6", null);
                assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmed");
                assertConsistent(id, true);
                assertThat(scene.lrOnA().delete("/api/enterprises/" + scene.uscc() + "/staff/" + id + "?reason=OTHER")
                        .status()).isEqualTo(204);
            }
        }
    }

    /** The relationship row and the claim agree with the history: both present exactly while active. */
    private static void assertConsistent(String authorizationId, boolean active) {
        assertThat(count(database, "SELECT COUNT(*) FROM enterprise_relationship WHERE authorization_id = ?",
                authorizationId)).isEqualTo(active ? 1 : 0);
        assertThat(count(database, "SELECT COUNT(*) FROM authorization_claim WHERE authorization_id = ?",
                authorizationId)).isEqualTo(active ? 1 : 0);
    }

    /** Both requests start at the same moment; answers in the order given. */
    @SafeVarargs
    private static List<HttpJson.Response> race(Supplier<HttpJson.Response>... requests) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<HttpJson.Response>> futures = new java.util.ArrayList<>();
        for (Supplier<HttpJson.Response> request : requests) {
            futures.add(pool.submit(() -> {
                gate.await();
                return request.get();
            }));
        }
        gate.countDown();
        List<HttpJson.Response> answers = new java.util.ArrayList<>();
        for (Future<HttpJson.Response> future : futures) {
            HttpJson.Response answer = future.get();
            assertThat(answer.status()).as("never a 500: " + answer.raw()).isLessThan(500);
            answers.add(answer);
        }
        return answers;
    }
}
