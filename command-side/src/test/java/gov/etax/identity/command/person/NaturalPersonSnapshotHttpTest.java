package gov.etax.identity.command.person;

import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.withSmsCode;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of {@code NaturalPerson} over real HTTP on PostgreSQL, with a low threshold so that a
 * few commands make one: what lands in {@code snapshotevententry}, and that a person loaded from a
 * snapshot behaves as one rebuilt from events.
 */
class NaturalPersonSnapshotHttpTest {

    private static final String PASSWORD = "Secret#2024";
    private static final int THRESHOLD = 5;

    private static PostgresTestDatabase database;
    private static CommandSideNode node;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        node = CommandSideNode.start(database, MutableClock.tomorrowMorningInChina(),
                "etax.snapshots.natural-person.threshold=" + THRESHOLD);
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
        database.close();
    }

    record Person(String personId, String document, String phone, String username, String token) {
    }

    /** Registered with a username, then logged in by face: two events. */
    private static Person registeredAndLoggedIn() {
        String document = residentIdNumber();
        String phone = phone();
        String username = "U" + phone.substring(3);
        Map<String, Object> body = application(document, phone, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        body.put("username", username);
        HttpJson.Response registered = http.post("/api/persons/registrations", withSmsCode(http, body));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        Map<String, Object> login = byDocument(document, PASSWORD);
        login.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        HttpJson.Response session = http.post("/api/sessions", login);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        return new Person(registered.text("personId"), document, phone, username, session.text("accessToken"));
    }

    private static HttpJson.Response wrongPassword(Person person) {
        Map<String, Object> wrong = byDocument(person.document(), "Wrong#2024");
        wrong.put("smsCode", "000000");
        return http.post("/api/sessions", wrong);
    }

    private static HttpJson.Response clearHistory(Person person, String recordId) {
        return http.as(person.token()).post("/api/me/history/" + recordId + "/clear", Map.of());
    }

    @Test
    @DisplayName("PWD-5, ACC-10: a failure streak and a hidden record survive the snapshot; the snapshot holds no personal data")
    void stateSurvivesTheSnapshot() throws SQLException {
        Person person = registeredAndLoggedIn();
        String record = UUID.randomUUID().toString();
        assertThat(clearHistory(person, record).body().get("cleared").asBoolean()).isTrue();
        assertThat(snapshot(person.personId())).as("no snapshot below the threshold").isNull();

        long beforeFailures = latestSequence(person.personId());
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpJson.Response failed = wrongPassword(person);
            assertThat(failed.status()).as(failed.raw()).isEqualTo(401);
            assertThat(failed.body().get("failuresLeft").asInt()).isEqualTo(5 - attempt);
        }
        // Five events counted (replayed or appended) in one load make a snapshot: here during the
        // second failure, so the person is loaded from then on from a snapshot with part of the
        // streak plus the failures after it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshot(person.personId())).isNotNull());
        Snapshot snapshot = snapshot(person.personId());
        assertThat(snapshot.sequenceNumber()).isGreaterThan(beforeFailures).isLessThan(latestSequence(person.personId()));
        assertThat(snapshot.revision()).isEqualTo("1");
        assertThat(snapshot.payload())
                .contains(person.personId())
                .doesNotContain(person.document(), person.phone(), person.phone().substring(3), person.username(),
                        "王小明", PASSWORD, "$argon2");
        try (Connection connection = database.connect();
             PreparedStatement hashes = connection.prepareStatement("SELECT password_hash FROM person_credential")) {
            try (ResultSet rows = hashes.executeQuery()) {
                while (rows.next()) {
                    assertThat(snapshot.payload()).doesNotContain(rows.getString(1));
                }
            }
        }

        // PWD-5: the fifth failure in a row locks, counted from the streak the snapshot carried.
        HttpJson.Response fifth = wrongPassword(person);
        assertThat(fifth.status()).as(fifth.raw()).isEqualTo(403);
        assertThat(fifth.text("code")).isEqualTo("ACCOUNT_LOCKED");
        // ACC-10: the hidden record is still known as hidden.
        assertThat(clearHistory(person, record).body().get("cleared").asBoolean()).isFalse();
        assertThat(clearHistory(person, UUID.randomUUID().toString()).body().get("cleared").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("LOGIN-3: the one phone a document login's code goes to is found in the person's events, not only after the snapshot")
    void loginCodeByDocumentAfterTheSnapshot() {
        Person person = registeredAndLoggedIn();
        for (int login = 0; login < THRESHOLD; login++) {
            Map<String, Object> again = byDocument(person.document(), PASSWORD);
            again.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
            assertThat(http.post("/api/sessions", again).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshot(person.personId())).isNotNull());

        HttpJson.Response sent = http.post("/api/sms-challenges", Map.of("purpose", "LOGIN",
                "documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", person.document()));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        assertThat(sent.text("phoneMasked")).isEqualTo(person.phone().substring(0, 3) + "****" + person.phone().substring(7));
    }

    @Test
    @DisplayName("PWD-5: a snapshot of another revision of NaturalPerson is ignored; one of this revision is read")
    void snapshotOfAnotherRevisionIsIgnored() throws SQLException {
        Person person = registeredAndLoggedIn();
        long latest = latestSequence(person.personId());
        // A forged state that locks the person until far in the future: read, it refuses a good login.
        String locked = "{\"personId\":{\"value\":\"" + person.personId() + "\"},\"realNameLevel\":\"LEVEL_4\","
                + "\"signIn\":{\"streaks\":{},\"lockedUntil\":\"2999-01-01T00:00:00Z\"}}";

        forgeSnapshot(person.personId(), latest, "1", locked);
        HttpJson.Response refused = http.post("/api/sessions", goodLogin(person));
        assertThat(refused.status()).as("a snapshot of this revision is read: " + refused.raw()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("ACCOUNT_LOCKED");

        latest = latestSequence(person.personId());
        forgeSnapshot(person.personId(), latest, "0", locked);
        HttpJson.Response accepted = http.post("/api/sessions", goodLogin(person));
        assertThat(accepted.status()).as("the older revision is ignored, events decide: " + accepted.raw()).isEqualTo(201);
    }

    private static Map<String, Object> goodLogin(Person person) {
        Map<String, Object> login = byDocument(person.document(), PASSWORD);
        login.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        return login;
    }

    record Snapshot(long sequenceNumber, String revision, String payload) {
    }

    private static Snapshot snapshot(String personId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT sequencenumber, payloadrevision, payload FROM snapshotevententry"
                             + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1")) {
            query.setString(1, personId);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? new Snapshot(row.getLong(1), row.getString(2), new String(row.getBytes(3), StandardCharsets.UTF_8))
                        : null;
            }
        }
    }

    private static long latestSequence(String personId) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")) {
            query.setString(1, personId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Replaces the person's snapshots by one at {@code sequence}, as Axon would write it. */
    private static void forgeSnapshot(String personId, long sequence, String revision, String json) throws SQLException {
        try (Connection connection = database.connect()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")) {
                delete.setString(1, personId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
                            + " metadata, payload, payloadrevision, payloadtype, timestamp)"
                            + " VALUES (?, ?, 'NaturalPerson', ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, personId);
                insert.setLong(2, sequence);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, json.getBytes(StandardCharsets.UTF_8));
                insert.setString(6, revision);
                insert.setString(7, NaturalPerson.class.getName());
                insert.setString(8, java.time.Instant.now().toString());
                insert.executeUpdate();
            }
        }
    }
}
