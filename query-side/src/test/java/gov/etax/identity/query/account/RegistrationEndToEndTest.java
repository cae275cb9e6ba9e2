package gov.etax.identity.query.account;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.registrationCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.query.privacy.PersonalDataReader;
import gov.etax.identity.query.support.EventLedger;
import gov.etax.identity.query.support.QuerySideNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end on one PostgreSQL database: two command-side nodes and a
 * query side, each a real application on its own port, talking real HTTP.
 */
class RegistrationEndToEndTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNodeA;
    private static CommandSideNode commandNodeB;
    private static QuerySideNode queryNode;
    private static String auditor;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNodeA = CommandSideNode.start(database);
        commandNodeB = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNodeA.http(), EventLedger.class);
        auditor = staffToken(commandNodeA.http(), "AUDITOR");
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNodeB, commandNodeA, database);
    }

    @Test
    @DisplayName("REG-2: a person registered on the command side appears on the query side, identifiers masked")
    void registeredPersonAppearsMasked() {
        String document = residentIdNumber();
        String phone = phone();
        HttpJson.Response registered = register(commandNodeA.http(), document, phone);
        assertThat(registered.status()).isEqualTo(201);
        String personId = registered.text("personId");

        HttpJson.Response account = await().atMost(PROJECTION_LAG)
                .until(() -> queryNode.http().as(auditor).get("/api/persons/" + personId + "/account"), r -> r.status() == 200);

        assertThat(account.text("personId")).isEqualTo(personId);
        assertThat(account.text("documentType")).isEqualTo("RESIDENT_IDENTITY_CARD");
        assertThat(account.text("documentNumberMasked")).isEqualTo(document.substring(0, 6) + "********" + document.substring(14));
        assertThat(account.body().get("phonesMasked").get(0).asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(account.text("name")).isEqualTo("王小明");
        assertThat(account.body().get("realNameLevel").asInt()).isEqualTo(4);
        assertThat(account.text("registeredAt")).isNotBlank();
        assertThat(account.raw()).doesNotContain(document, phone);
    }

    @Test
    @DisplayName("Unknown or malformed person ids are a 404 and a 400 problem on the query side")
    void unknownPerson() {
        HttpJson.Response unknown = queryNode.http().as(auditor).get("/api/persons/person-00000000-0000-4000-8000-000000000000/account");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("code")).isEqualTo("PERSON_NOT_FOUND");

        HttpJson.Response malformed = queryNode.http().as(auditor).get("/api/persons/enterprise-00000000-0000-4000-8000-000000000000/account");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("code")).isEqualTo("INVALID_IDENTIFIER");
    }

    @Test
    @Tag("postgresql") // PostgreSQL's own types; H2 has no oid and calls bytea BINARY VARYING
    @DisplayName("No column anywhere is an oid (large objects leak); events, tokens and dead letters are bytea")
    void noLargeObjects() throws SQLException {
        assertThat(rows("SELECT table_name || '.' || column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND data_type = 'oid'")).isEmpty();
        assertThat(rows("SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND column_name IN ('payload', 'metadata', 'token') ORDER BY 1"))
                .containsExactly(
                        "deadletterentry.metadata:bytea", "deadletterentry.payload:bytea", "deadletterentry.token:bytea",
                        "domainevententry.metadata:bytea", "domainevententry.payload:bytea",
                        "snapshotevententry.metadata:bytea", "snapshotevententry.payload:bytea",
                        "tokenentry.token:bytea");
    }

    @Test
    @DisplayName("LOGIN-2: 20 parallel registrations with one phone and its one code on two command nodes give one 201; "
            + "the others are refused as bound or for a spent code")
    void onePhoneOnePersonUnderConcurrency() throws Exception {
        String sharedPhone = phone();
        String first = residentIdNumber();
        String code = registrationCode(commandNodeA.http(), sharedPhone,
                faceToken(commandNodeA.http(), "RESIDENT_IDENTITY_CARD", first, "PASSED"));
        List<Callable<HttpJson.Response>> attempts = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            HttpJson node = (i % 2 == 0 ? commandNodeA : commandNodeB).http();
            String document = residentIdNumber();
            String token = faceToken(node, "RESIDENT_IDENTITY_CARD", document, "PASSED");
            Map<String, Object> body = application(document, sharedPhone, token);
            body.put("smsCode", code);
            attempts.add(() -> {
                gate.await();
                return node.post("/api/persons/registrations", body);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpJson.Response>> futures = new ArrayList<>();
            for (Callable<HttpJson.Response> attempt : attempts) {
                futures.add(pool.submit(attempt));
            }
            gate.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<HttpJson.Response> future : futures) {
                HttpJson.Response response = future.get();
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() != 201) {
                    assertThat(response.text("code")).isIn("PHONE_ALREADY_BOUND", "PHONE_PROOF_INVALID");
                    assertThat(response.text("rule")).isEqualTo("LOGIN-2");
                }
            }
            assertThat(statuses.get(201)).isEqualTo(1);
            assertThat(statuses.getOrDefault(409, 0) + statuses.getOrDefault(422, 0)).isEqualTo(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registrationsHoldingPhone(sharedPhone)).isEqualTo(1);
    }

    @Test
    @DisplayName("Restarting the query side neither loses nor repeats events")
    void restartNeitherLosesNorRepeats() throws Exception {
        assertThat(register(commandNodeA.http(), residentIdNumber(), phone()).status()).isEqualTo(201);
        queryNode.close();

        List<String> registeredWhileDown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpJson.Response response = register(commandNodeB.http(), residentIdNumber(), phone());
            assertThat(response.status()).isEqualTo(201);
            registeredWhileDown.add(response.text("personId"));
        }
        queryNode = QuerySideNode.start(database, commandNodeA.http(), EventLedger.class);

        await().atMost(PROJECTION_LAG).untilAsserted(() -> {
            for (String personId : registeredWhileDown) {
                assertThat(queryNode.http().as(auditor).get("/api/persons/" + personId + "/account").status()).isEqualTo(200);
            }
        });
        List<String> storedEventIds = rows("SELECT eventidentifier FROM domainevententry "
                + "WHERE payloadtype LIKE '%NaturalPersonRegistered'");
        await().atMost(PROJECTION_LAG).untilAsserted(() ->
                assertThat(EventLedger.DELIVERIES.keySet()).containsExactlyInAnyOrderElementsOf(storedEventIds));
        assertThat(EventLedger.DELIVERIES.values()).allMatch(count -> count == 1);
    }

    @Test
    @DisplayName("LOGIN-5: a session token opens the own account on the query side; after logout it works on neither side")
    void sessionTokenWorksOnBothSidesUntilLogout() {
        String phone = phone();
        HttpJson.Response registered = register(commandNodeA.http(), residentIdNumber(), phone);
        String token = logIn(commandNodeB.http(), phone, "Secret#2024");

        HttpJson.Response mine = await().atMost(PROJECTION_LAG)
                .until(() -> queryNode.http().as(token).get("/api/me/account"), r -> r.status() == 200);
        assertThat(mine.text("personId")).isEqualTo(registered.text("personId"));
        assertThat(queryNode.http().as(token).get("/api/persons/" + registered.text("personId") + "/account").status())
                .as("a person may not read accounts by id").isEqualTo(403);
        assertThat(queryNode.http().get("/api/me/account").status()).isEqualTo(401);

        assertThat(commandNodeA.http().as(token).delete("/api/sessions/current").status()).isEqualTo(204);
        assertThat(commandNodeB.http().as(token).delete("/api/sessions/current").status()).isEqualTo(401);
        await().atMost(PROJECTION_LAG).untilAsserted(() -> {
            HttpJson.Response refused = queryNode.http().as(token).get("/api/me/account");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.text("code")).isEqualTo("AUTHENTICATION_REQUIRED");
        });
    }

    /** Decrypts every registration event's phone with its person's key and counts the matches. */
    private static long registrationsHoldingPhone(String phone) throws Exception {
        PersonalDataReader reader = queryNode.bean(PersonalDataReader.class);
        long holding = 0;
        for (String payload : payloads("SELECT payload FROM domainevententry "
                + "WHERE payloadtype LIKE '%NaturalPersonRegistered'")) {
            JsonNode event = JSON.readTree(payload);
            String personId = event.get("personId").get("value").asText();
            String decrypted = reader.forSubject(personId).orElseThrow()
                    .open(new EncryptedText(event.get("phone").get("ciphertext").asText()));
            if (phone.equals(decrypted)) {
                holding++;
            }
        }
        return holding;
    }

    private static List<String> rows(String sql) throws SQLException {
        return rows(sql, false);
    }

    /** The event payloads (JSON bytes) the query selects, decoded here so that the SQL suits any engine. */
    private static List<String> payloads(String sql) throws SQLException {
        return rows(sql, true);
    }

    private static List<String> rows(String sql, boolean utf8Bytes) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(utf8Bytes ? new String(rows.getBytes(1), StandardCharsets.UTF_8) : rows.getString(1));
            }
            return values;
        }
    }
}
