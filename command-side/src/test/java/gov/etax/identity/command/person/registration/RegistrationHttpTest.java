package gov.etax.identity.command.person.registration;

import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.withSmsCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Registration over real HTTP against the command side on a real PostgreSQL. */
class RegistrationHttpTest extends CommandSideHttpTest {


    @BeforeAll
    static void start() {
        startCommandSide(null);
    }

    @Test
    @DisplayName("REG-2: a registration answers 201 with the person's id and stores one event and an Argon2id hash")
    void registers() throws SQLException {
        String document = residentIdNumber();
        HttpJson.Response response = register(http, document, phone());

        assertThat(response.status()).isEqualTo(201);
        String personId = response.text("personId");
        assertThat(personId).startsWith("person-");
        assertThat(eventTypesOf(personId)).containsExactly("gov.etax.identity.kernel.person.events.NaturalPersonRegistered");
        assertThat(single("SELECT password_hash FROM person_credential WHERE person_id = ?", personId)).startsWith("$argon2id$");
    }

    @Test
    @DisplayName("REG-2, LOGIN-2: no password, hash, document number, phone, name or username in clear in the event store")
    void eventStoreHoldsNoPlaintext() throws SQLException {
        String document = residentIdNumber();
        String phone = phone();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        Map<String, Object> body = application(document, phone, token);
        body.put("username", "Auditor" + phone.substring(5));
        HttpJson.Response response = http.post("/api/persons/registrations", withSmsCode(http, body));
        assertThat(response.status()).isEqualTo(201);

        String stored = single("SELECT convert_from(payload, 'UTF8') || convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ?", response.text("personId"));
        assertThat(stored).contains("\"ciphertext\"")
                .doesNotContain(document, document.substring(0, 17), phone, "王小明", "Secret#2024", "argon2",
                        (String) body.get("username"));
    }

    @Test
    @DisplayName("Malformed JSON is a 400 problem with a stable code, and nothing is stored")
    void malformedJson() throws SQLException {
        long before = eventCount();
        HttpJson.Response response = http.post("/api/persons/registrations", "{\"documentType\": ");
        assertProblem(response, 400, "MALFORMED_REQUEST", null);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("REG-2: a resident identity card number with a wrong check digit is a 400 naming the rule")
    void invalidDocumentNumber() throws SQLException {
        long before = eventCount();
        String valid = residentIdNumber();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        HttpJson.Response response = http.post("/api/persons/registrations",
                application(valid.substring(0, 17) + wrong, phone(), "face-token-unused"));
        assertProblem(response, 400, "INVALID_DOCUMENT_NUMBER", "REG-2");
        assertThat(response.text("message_zh")).isEqualTo("证件号码不正确");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("Missing fields, a bad phone or a weak password are 400s with their own codes")
    void invalidFields() {
        Map<String, Object> noName = application(residentIdNumber(), phone(), "t");
        noName.remove("name");
        assertProblem(http.post("/api/persons/registrations", noName), 400, "INVALID_NAME", "REG-2");

        assertProblem(http.post("/api/persons/registrations", application(residentIdNumber(), "12345678901", "t")),
                400, "INVALID_PHONE", "LOGIN-2");

        Map<String, Object> weak = application(residentIdNumber(), phone(), "t");
        weak.put("password", "abcdefgh");
        assertProblem(http.post("/api/persons/registrations", weak), 400, "PASSWORD_TOO_WEAK", "REG-2");

        Map<String, Object> badUsername = application(residentIdNumber(), phone(), "t");
        badUsername.put("username", "1abcdef");
        assertProblem(http.post("/api/persons/registrations", badUsername), 400, "INVALID_USERNAME", "LOGIN-7");

        Map<String, Object> unknownType = application(residentIdNumber(), phone(), "t");
        unknownType.put("documentType", "LIBRARY_CARD");
        assertProblem(http.post("/api/persons/registrations", unknownType), 400, "INVALID_DOCUMENT_TYPE", "REG-3");
    }

    @Test
    @DisplayName("REG-3: a foreign passport is refused (422) until an offline real-name collection is on record")
    void foreignPassportNeedsOfflineCollection() throws SQLException {
        String passport = "P" + phone().substring(3);
        String token = faceToken(http, "FOREIGN_PASSPORT", passport, "PASSED");
        Map<String, Object> body = application(passport, phone(), token);
        body.put("documentType", "FOREIGN_PASSPORT");

        HttpJson.Response refused = http.post("/api/persons/registrations", body);
        assertProblem(refused, 422, "DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION", "REG-3");
        assertThat(refused.text("message_zh")).contains("办税服务场所采集实名信息");

        recordOfflineCollection(new DocumentNumber(DocumentType.FOREIGN_PASSPORT, passport));
        // The refusal came before the one-time face token was spent, so the same scan still works.
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, body)).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("REG-4: a failed face scan is a 422 with the bureau's guidance; REG-2: none or a reused one is refused too")
    void faceVerification() throws SQLException {
        long before = eventCount();
        String document = residentIdNumber();
        String failed = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "FAILED");
        HttpJson.Response response = http.post("/api/persons/registrations", application(document, phone(), failed));
        assertProblem(response, 422, "FACE_VERIFICATION_FAILED", "REG-4");
        assertThat(response.text("message_zh")).contains("光线").contains("办税服务大厅");

        Map<String, Object> noToken = application(document, phone(), null);
        noToken.remove("faceVerificationToken");
        assertProblem(http.post("/api/persons/registrations", noToken), 422, "FACE_VERIFICATION_REQUIRED", "REG-2");

        String otherPersonsScan = faceToken(http, "RESIDENT_IDENTITY_CARD", residentIdNumber(), "PASSED");
        assertProblem(http.post("/api/persons/registrations", application(document, phone(), otherPersonsScan)),
                422, "FACE_VERIFICATION_REQUIRED", "REG-2");
        assertThat(eventCount()).isEqualTo(before);

        String phone = phone();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, application(document, phone, token))).status())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("REG-2: the public-security register must know the name that goes with the document")
    void identityCheck() {
        String document = residentIdNumber();
        HttpJson.Response recorded = http.post("/api/dev/identity-register",
                Map.of("documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", document, "name", "李四"));
        assertThat(recorded.status()).isEqualTo(204);
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        Map<String, Object> body = withSmsCode(http, application(document, phone(), token));
        assertProblem(http.post("/api/persons/registrations", body), 422, "IDENTITY_CHECK_FAILED", "REG-2");

        // REG-2: a face scan counts once; the refused attempt above has spent it.
        body.put("name", "李四");
        assertProblem(http.post("/api/persons/registrations", body), 422, "FACE_VERIFICATION_REQUIRED", "REG-2");
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, body)).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("REG-2, LOGIN-2, LOGIN-7: a document, phone or username already taken is a 409 and stores nothing")
    void takenValues() throws SQLException {
        String document = residentIdNumber();
        String phone = phone();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        Map<String, Object> first = application(document, phone, token);
        first.put("username", "Taken" + phone.substring(4));
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, first)).status()).isEqualTo(201);
        long before = eventCount();

        assertProblem(register(http, document, phone()), 409, "DOCUMENT_ALREADY_REGISTERED", "REG-2");
        assertProblem(register(http, residentIdNumber(), phone), 409, "PHONE_ALREADY_BOUND", "LOGIN-2");

        String other = residentIdNumber();
        Map<String, Object> sameUsername = application(other, phone(), faceToken(http, "RESIDENT_IDENTITY_CARD", other, "PASSED"));
        sameUsername.put("username", first.get("username"));
        assertProblem(http.post("/api/persons/registrations", sameUsername), 409, "USERNAME_TAKEN", "LOGIN-7");
        // LOGIN-7: usernames are case-sensitive, so another case is another username.
        sameUsername.put("username", ((String) first.get("username")).toLowerCase());
        assertThat(http.post("/api/persons/registrations", withSmsCode(http, sameUsername)).status()).isEqualTo(201);

        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("Health and Prometheus metrics are exposed")
    void actuator() {
        assertThat(http.get("/actuator/health").text("status")).isEqualTo("UP");
        assertThat(register(http, residentIdNumber(), phone()).status()).isEqualTo(201);
        HttpJson.Response metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        // Requests are timed; Spring Security's per-filter observations and Axon's per-message
        // metrics are off by default (docs/adr/0043-no-per-filter-observations.md).
        assertThat(metrics.raw()).contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_").doesNotContain("commandBus_").doesNotContain("eventStore_");
        // The registration hashed its password once, and that hash's CPU time was counted.
        Matcher hashes = Pattern.compile("(?m)^etax_password_hash_cpu_seconds_count\\S* (\\S+)$").matcher(metrics.raw());
        Matcher cpu = Pattern.compile("(?m)^etax_password_hash_cpu_seconds_sum\\S* (\\S+)$").matcher(metrics.raw());
        assertThat(hashes.find()).as(metrics.raw()).isTrue();
        assertThat(cpu.find()).isTrue();
        assertThat(Double.parseDouble(hashes.group(1))).isGreaterThanOrEqualTo(1);
        assertThat(Double.parseDouble(cpu.group(1))).isPositive();
    }

    @Test
    @DisplayName("The dev and prod profiles together refuse to start")
    void prodRefusesSimulators() {
        assertThatThrownBy(() -> CommandSideNode.start(database, "spring.profiles.active=prod,dev").close())
                .hasStackTraceContaining("The dev and prod profiles exclude each other");
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("rule")).isEqualTo(rule);
    }

    private void recordOfflineCollection(DocumentNumber document) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO offline_collection (document_hash, collected_at, collected_by) VALUES (?, ?, ?)")) {
            insert.setString(1, node.bean(LookupHash.class).of(document));
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, "test hall clerk");
            insert.executeUpdate();
        }
    }

    private static long eventCount() throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> eventTypesOf(String aggregateId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, aggregateId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private static String single(String sql, String parameter) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a row for " + sql).isTrue();
                return rows.getString(1);
            }
        }
    }
}
