package gov.etax.identity.query.admin;

import static gov.etax.identity.command.authorization.Staffing.PASSWORD;
import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.authorization.Staffing.unregistered;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.uscc;
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
import gov.etax.identity.query.support.QuerySideNode;
import gov.etax.identity.query.support.ReadModels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replay end to end: a realistic history driven over HTTP, every projection rebuilt through the
 * operator's endpoint, and the read models compared row for row with the ones built live.
 */
class ProjectionReplayTest {

    private static final Duration LAG = Duration.ofSeconds(60);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static HttpJson command;
    private static HttpJson query;
    private static String operator;
    /** The query side's tables, found as those that appeared when it started. */
    private static Set<String> readModelTables;

    @BeforeAll
    static void start() throws SQLException {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        Set<String> commandTables = tables();
        queryNode = QuerySideNode.start(database, commandNode.http(), ReplayGate.class);
        readModelTables = ReadModels.readModelTables(tables(), commandTables);
        command = commandNode.http();
        query = queryNode.http();
        operator = staffToken(command, "OPERATOR");
    }

    @AfterAll
    static void stop() {
        ReplayGate.open();
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("Replay: every projection rebuilt from the event store equals, row for row, the one built live")
    void replayRebuildsEveryProjectionIdentically() throws SQLException {
        driveHistory();
        List<String> projections = names();
        assertThat(projections).contains("person-accounts", "authorizations", "ended-sessions");
        awaitAllCaughtUp(projections);
        Map<String, List<String>> live = snapshot();
        assertThat(live).containsKeys("person_account", "person_account_phone", "ended_session",
                "authorization_view", "authorization_enterprise", "authorization_person");
        assertThat(live.get("person_account")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(live.get("person_account_phone")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(live.get("ended_session")).isNotEmpty();
        assertThat(live.get("authorization_view")).hasSizeGreaterThanOrEqualTo(5);

        // one projection alone, then all of them in one rebuild (PostgreSQL) or each in place (H2)
        HttpJson.Response one = query.as(operator).post("/api/admin/projections/ended-sessions/replay", Map.of());
        assertThat(one.status()).as(one.raw()).isEqualTo(202);
        assertThat(one.text("name")).isEqualTo("ended-sessions");
        awaitRebuilt("ended-sessions");
        HttpJson.Response all = query.as(operator).post("/api/admin/projections/replay", Map.of());
        assertThat(all.status()).as(all.raw()).isEqualTo(202);
        assertThat(all.headers().firstValue("Location").orElse(null)).isEqualTo("/api/admin/projections");
        assertThat(all.body().size()).isEqualTo(projections.size());
        projections.forEach(ProjectionReplayTest::awaitRebuilt);
        awaitAllCaughtUp(projections);
        Map<String, List<String>> replayed = snapshot();

        assertThat(replayed.keySet()).isEqualTo(live.keySet());
        for (String table : live.keySet()) {
            assertThat(replayed.get(table)).as("table %s after the replay", table)
                    .containsExactlyElementsOf(live.get(table));
        }
    }

    @Test
    @DisplayName("Replay on H2: while a projection replays in place its endpoints answer 503 PROJECTION_REPLAYING with Retry-After; the status shows it; then they answer again")
    void replayingInPlaceAnswers503UntilCaughtUp() {
        if (!PostgresTestDatabase.isH2()) {
            return; // PostgreSQL rebuilds beside the live tables: rebuildAnswersFromTheLiveTablesThroughout
        }
        Person person = registered(command);
        String auditor = staffToken(command, "AUDITOR");
        String account = "/api/persons/" + person.personId() + "/account";
        await().atMost(LAG).until(() -> query.as(auditor).get(account).status() == 200);

        ReplayGate.close();
        try {
            HttpJson.Response replay = query.as(operator).post("/api/admin/projections/person-accounts/replay", Map.of());
            assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
            assertThat(replay.headers().firstValue("Location").orElse(null)).isEqualTo("/api/admin/projections/person-accounts");
            assertThat(replay.body().get("replaying").asBoolean()).isTrue();

            HttpJson.Response refused = query.as(auditor).get(account);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("code")).isEqualTo("PROJECTION_REPLAYING");
            assertThat(refused.text("projection")).isEqualTo("person-accounts");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElse(null))).isBetween(1L, 60L);

            // The restarted processor claims its segments a few milliseconds after the replay answered.
            await().atMost(LAG).untilAsserted(() -> {
                HttpJson.Response status = query.as(operator).get("/api/admin/projections/person-accounts");
                assertThat(status.status()).isEqualTo(200);
                assertThat(status.body().get("replaying").asBoolean()).isTrue();
                assertThat(status.body().get("caughtUp").asBoolean()).isFalse();
                assertThat(status.body().get("head").asLong()).isPositive();
                assertThat(status.body().has("behind")).isTrue();
                assertThat(status.body().get("segments").size()).isGreaterThan(0);
            });
            // other projections are not affected
            HttpJson.Response others = query.as(operator).get("/api/admin/projections/authorizations");
            assertThat(others.body().get("replaying").asBoolean()).isFalse();
        } finally {
            ReplayGate.open();
        }
        await().atMost(LAG).untilAsserted(() -> assertThat(query.as(auditor).get(account).status()).isEqualTo(200));
        await().atMost(LAG).untilAsserted(() -> {
            JsonNode status = query.as(operator).get("/api/admin/projections/person-accounts").body();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("caughtUp").asBoolean()).isTrue();
            assertThat(status.get("behind").asLong()).isZero();
            assertThat(status.get("estimatedSecondsLeft").asLong()).isZero();
        });
    }

    @Test
    @Tag("postgresql")
    @DisplayName("Rebuild: while a projection is rebuilt every read of it answers 200 from the live tables, never a mix; "
            + "events appended meanwhile are there once after the switch; the result equals a fresh rebuild")
    void rebuildAnswersFromTheLiveTablesThroughout() throws Exception {
        String auditor = staffToken(command, "AUDITOR");
        List<Person> before = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            before.add(registered(command));
        }
        Map<String, String> accounts = new java.util.concurrent.ConcurrentHashMap<>();
        for (Person person : before) {
            String path = "/api/persons/" + person.personId() + "/account";
            await().atMost(LAG).until(() -> query.as(auditor).get(path).status() == 200);
            accounts.put(path, query.as(auditor).get(path).raw());
        }
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                accounts.forEach((path, expected) -> {
                    HttpJson.Response answer = query.as(auditor).get(path);
                    reads.incrementAndGet();
                    if (answer.status() != 200 || !answer.raw().equals(expected)) {
                        wrong.add(answer.status() + " " + answer.raw());
                    }
                });
            }
        }, "reader");
        reader.start();
        List<Person> during = new ArrayList<>();
        ReplayGate.close();
        try {
            HttpJson.Response replay = query.as(operator).post("/api/admin/projections/person-accounts/replay", Map.of());
            assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
            assertThat(replay.headers().firstValue("Location").orElse(null)).isEqualTo("/api/admin/projections/person-accounts");
            assertThat(replay.body().get("replaying").asBoolean()).isFalse();
            assertThat(replay.body().get("rebuild").get("state").asText()).isEqualTo("REBUILDING");

            HttpJson.Response second = query.as(operator).post("/api/admin/projections/audit/replay", Map.of());
            assertThat(second.status()).as(second.raw()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.text("code")).isEqualTo("PROJECTION_REBUILD_RUNNING");

            // The live processor goes on: what happens meanwhile shows at once, and reaches the rebuild too.
            for (int i = 0; i < 3; i++) {
                during.add(registered(command));
            }
            for (Person person : during) {
                String path = "/api/persons/" + person.personId() + "/account";
                await().atMost(LAG).until(() -> query.as(auditor).get(path).status() == 200);
            }
            JsonNode status = query.as(operator).get("/api/admin/projections/person-accounts").body();
            assertThat(status.get("rebuild").get("state").asText()).as(status.toString()).isEqualTo("REBUILDING");
            assertThat(status.get("rebuild").get("behind").asLong()).as(status.toString()).isPositive();
            assertThat(status.get("replaying").asBoolean()).isFalse();
        } finally {
            ReplayGate.open();
        }
        awaitRebuilt("person-accounts");
        awaitAllCaughtUp(List.of("person-accounts"));
        reading.set(false);
        reader.join();
        assertThat(reads.get()).isGreaterThan(accounts.size());
        assertThat(wrong).as("answers that were not the account as it was").isEmpty();

        Set<String> accountTables = Set.of("person_account", "person_account_phone");
        Map<String, List<String>> switched = ReadModels.snapshot(database, accountTables);
        for (Person person : during) {
            assertThat(switched.get("person_account")).filteredOn(row -> row.contains(person.personId())).hasSize(1);
            assertThat(query.as(auditor).get("/api/persons/" + person.personId() + "/account").status()).isEqualTo(200);
        }
        HttpJson.Response again = query.as(operator).post("/api/admin/projections/person-accounts/replay", Map.of());
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        awaitRebuilt("person-accounts");
        awaitAllCaughtUp(List.of("person-accounts"));
        assertThat(ReadModels.snapshot(database, accountTables)).isEqualTo(switched);
    }

    @Test
    @Tag("postgresql")
    @DisplayName("Rebuild: an event the rebuild cannot handle ends it; the live tables keep answering, the status says why, "
            + "nothing is parked and the next rebuild may start")
    void failedRebuildLeavesTheLiveTables() throws SQLException {
        Person person = registered(command);
        String auditor = staffToken(command, "AUDITOR");
        String account = "/api/persons/" + person.personId() + "/account";
        await().atMost(LAG).until(() -> query.as(auditor).get(account).status() == 200);

        ReplayGate.refuseNextRebuiltRegistration();
        HttpJson.Response replay = query.as(operator).post("/api/admin/projections/person-accounts/replay", Map.of());
        assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
        await().atMost(LAG).untilAsserted(() -> {
            JsonNode rebuild = query.as(operator).get("/api/admin/projections/person-accounts").body().get("rebuild");
            assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("FAILED");
            assertThat(rebuild.get("failure").asText()).contains("ReplayGate", "NaturalPersonRegistered");
        });
        assertThat(query.as(auditor).get(account).status()).isEqualTo(200);
        try (Connection connection = database.connect(); var sql = connection.createStatement();
             ResultSet left = sql.executeQuery("SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                     + "'etax_rebuild') + (SELECT count(*) FROM tokenentry WHERE processorname = 'rebuild') "
                     + "+ (SELECT count(*) FROM deadletterentry)")) {
            left.next();
            assertThat(left.getLong(1)).as("copies, the rebuild's token and dead letters left behind").isZero();
        }
        HttpJson.Response next = query.as(operator).post("/api/admin/projections/person-accounts/replay", Map.of());
        assertThat(next.status()).as(next.raw()).isEqualTo(202);
        awaitRebuilt("person-accounts");
    }

    @Test
    @Tag("postgresql")
    @DisplayName("Rebuild: the projections' tables are every read-model table, and the migrations let the rebuild copy each")
    void everyReadModelTableIsRebuilt() throws SQLException {
        assertThat(RebuiltTables.all()).containsExactlyInAnyOrderElementsOf(readModelTables);
        try (Connection connection = database.connect(); var sql = connection.createStatement();
             ResultSet listed = sql.executeQuery("SELECT unnest(etax_rebuild_tables())")) {
            Set<String> tables = new java.util.TreeSet<>();
            while (listed.next()) {
                tables.add(listed.getString(1));
            }
            assertThat(tables).isEqualTo(readModelTables);
        }
        assertThat(RebuiltTables.rebuiltWith(List.of("account-history"))).containsExactly("authorizations", "account-history");
        assertThat(RebuiltTables.rebuiltWith(List.of("person-accounts"))).containsExactly("person-accounts");
    }

    @Test
    @DisplayName("Replay: an unknown projection is 404 PROJECTION_NOT_FOUND; the list shows every projection")
    void unknownProjection() {
        HttpJson.Response unknown = query.as(operator).post("/api/admin/projections/no-such-projection/replay", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("PROJECTION_NOT_FOUND");
        assertThat(query.as(operator).get("/api/admin/projections/no-such-projection").status()).isEqualTo(404);
        assertThat(names()).contains("person-accounts", "authorizations", "ended-sessions");
    }

    /** Registrations of five persons (one with a second phone), logins and logouts, a username, enterprises, nominations and their outcomes. */
    private static void driveHistory() {
        String taxStaff = staffToken(command, "TAX_STAFF");
        Person lr = registered(command);
        Person fm = unregistered();
        String uscc = uscc();
        HttpJson.Response enterprise = confirmEnterprise(command.as(taxStaff), uscc, "江西重放科技有限公司", lr, fm);
        assertThat(enterprise.status()).as(enterprise.raw()).isEqualTo(201);
        assertThat(register(command, fm.document(), fm.phone()).status()).isEqualTo(201);
        String fmAuthorization = enterprise.text("financeManagerAuthorizationId");
        assertThat(command.as(naturalPersonSessionByFace(command, fm))
                .post("/api/authorizations/" + fmAuthorization + "/confirmation", Map.of()).status()).isEqualTo(200);

        // the legal representative's own account: a second phone, a username, a logout
        String lrSession = logIn(command, lr.phone(), PASSWORD);
        String second = phone();
        HttpJson.Response bound = command.as(lrSession).post("/api/me/phones",
                Map.of("phone", second, "smsCode", smsCode(command.as(lrSession), second, "PHONE_BINDING")));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);
        int named = put(lrSession, "/api/me/username",
                "{\"username\":\"rp" + System.nanoTime() % 1_000_000_000L + "\"}");
        assertThat(named).isEqualTo(200);
        assertThat(command.as(lrSession).delete("/api/sessions/current").status()).isEqualTo(204);

        String validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString();
        HttpJson asLr = command.as(enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE"));
        Person officer = registered(command);
        Person invoicer = registered(command);
        Person refuser = registered(command);
        String officerId = nominate(asLr, uscc, officer, "TAX_OFFICER", validUntil).text("authorizationId");
        String invoicerId = nominate(asLr, uscc, invoicer, "INVOICING_OFFICER", validUntil).text("authorizationId");
        String refusedId = nominate(asLr, uscc, refuser, "INVOICING_OFFICER", validUntil).text("authorizationId");
        String officerSession = naturalPersonSessionByFace(command, officer);
        assertThat(command.as(officerSession).post("/api/authorizations/" + officerId + "/confirmation", Map.of())
                .status()).isEqualTo(200);
        assertThat(command.as(naturalPersonSessionByFace(command, invoicer))
                .post("/api/authorizations/" + invoicerId + "/confirmation", Map.of()).status()).isEqualTo(200);
        assertThat(command.as(naturalPersonSessionByFace(command, refuser))
                .post("/api/authorizations/" + refusedId + "/rejection", Map.of()).status()).isEqualTo(200);
        // the officer's relationship is revoked again; the officer logs out
        assertThat(asLr.delete("/api/enterprises/" + uscc + "/staff/" + officerId + "?reason=LEFT_ENTERPRISE").status())
                .isEqualTo(204);
        assertThat(command.as(officerSession).delete("/api/sessions/current").status()).isEqualTo(204);
        // a second enterprise whose legal representative is an existing person
        assertThat(confirmEnterprise(command.as(taxStaff), uscc(), "江西重放贸易有限公司", invoicer, null).status())
                .isEqualTo(201);
    }

    private static int put(String token, String path, String json) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(command.baseUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names() {
        HttpJson.Response all = query.as(operator).get("/api/admin/projections");
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        all.body().forEach(status -> names.add(status.get("name").asText()));
        return names;
    }

    /** On PostgreSQL, until the rebuild that includes this projection has switched its tables in. */
    private static void awaitRebuilt(String name) {
        if (PostgresTestDatabase.isH2()) {
            return;
        }
        await().atMost(LAG).untilAsserted(() -> {
            JsonNode rebuild = query.as(operator).get("/api/admin/projections/" + name).body().get("rebuild");
            assertThat(rebuild).isNotNull();
            assertThat(rebuild.get("state").asText()).as(rebuild.toString()).isEqualTo("SWITCHED");
        });
    }

    /** Until every projection has stopped replaying and reached the head of the event store as it is now. */
    private static void awaitAllCaughtUp(List<String> projections) throws SQLException {
        long head = head();
        await().atMost(LAG).untilAsserted(() -> {
            for (String name : projections) {
                JsonNode status = query.as(operator).get("/api/admin/projections/" + name).body();
                assertThat(status.get("replaying").asBoolean()).as(name + " " + status).isFalse();
                assertThat(status.get("caughtUp").asBoolean()).as(name + " " + status).isTrue();
                assertThat(status.get("position").asLong()).as(name + " " + status).isGreaterThanOrEqualTo(head);
            }
        });
    }

    private static long head() throws SQLException {
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT MAX(globalindex) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> tables() throws SQLException {
        return ReadModels.tables(database);
    }

    /** Every read-model table, every row in primary-key order, every column. */
    private static Map<String, List<String>> snapshot() throws SQLException {
        return ReadModels.snapshot(database, readModelTables);
    }
}
