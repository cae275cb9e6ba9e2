package gov.etax.identity.command.person.phones;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.bindingCode;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.StoredEvents;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Binding, unbinding and recovering phones over real HTTP on PostgreSQL (LOGIN-2, LOGIN-3). */
class PhonesHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";

    private static MutableClock clock;

    @BeforeAll
    static void start() {
        clock = MutableClock.tomorrowMorningInChina();
        startCommandSide(clock);
    }

    record Person(String personId, String document, String phone) {
    }

    private static Person registered() {
        String document = residentIdNumber();
        String phone = phone();
        HttpJson.Response response = register(http, document, phone);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Person(response.text("personId"), document, phone);
    }

    private static HttpJson.Response bind(HttpJson node, String token, String phone, String code) {
        return node.as(token).post("/api/me/phones", Map.of("phone", phone, "smsCode", code));
    }

    private static HttpJson.Response bindWithCode(String token, String phone) {
        return bind(http, token, phone, smsCode(http.as(token), phone, "PHONE_BINDING"));
    }

    @Test
    @DisplayName("LOGIN-2: a person binds a second phone with a code sent to it and logs in with either phone; asking again changes nothing")
    void bindsSecondPhone() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        String second = phone();

        HttpJson.Response bound = bindWithCode(token, second);
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);
        assertThat(bound.text("phoneMasked")).isEqualTo(new MobilePhone(second).masked());
        assertThat(bound.text("how")).isEqualTo("ACCOUNT_CENTER");

        Map<String, Object> withSecond = byPhone(second, PASSWORD);
        withSecond.put("smsCode", smsCode(http, second, "LOGIN"));
        HttpJson.Response session = http.post("/api/sessions", withSecond);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.text("personId")).isEqualTo(person.personId());
        assertThat(logIn(http, person.phone(), PASSWORD)).isNotBlank();

        HttpJson.Response again = bind(http, token, second, "000000");
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("newlyBound").asBoolean()).isFalse();
        assertThat(StoredEvents.types(database, person.personId())).filteredOn("PhoneBound"::equals).hasSize(1);
    }

    @Test
    @DisplayName("LOGIN-2: a phone bound to another person gets no binding code (409) and cannot be bound (409 PHONE_ALREADY_BOUND)")
    void phoneOfAnotherPerson() {
        Person person = registered();
        Person other = registered();
        String token = logIn(http, person.phone(), PASSWORD);

        assertProblem(http.as(token).post("/api/sms-challenges", Map.of("phone", other.phone(), "purpose", "PHONE_BINDING")),
                409, "PHONE_ALREADY_BOUND", "LOGIN-2");
        HttpJson.Response refused = bind(http, token, other.phone(), "123456");
        assertProblem(refused, 409, "PHONE_ALREADY_BOUND", "LOGIN-2");
        assertThat(refused.text("message_zh")).isEqualTo("该手机号码已被其他用户绑定");
        assertThat(StoredEvents.types(database, person.personId())).doesNotContain("PhoneBound");
    }

    @Test
    @DisplayName("LOGIN-2: a wrong or missing code binds nothing, and a wrong try leaves the code usable; a malformed phone is a 400")
    void codeMustBeRight() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        String wanted = phone();

        smsCode(http.as(token), wanted, "PHONE_BINDING");
        String code = lastCode(wanted);
        HttpJson.Response wrong = bind(http, token, wanted, "000000".equals(code) ? "111111" : "000000");
        assertProblem(wrong, 422, "SMS_CODE_INVALID", "LOGIN-2");
        assertThat(wrong.text("smsCodeCheck")).isEqualTo("WRONG");
        assertThat(wrong.text("message_zh")).isEqualTo("短信验证码错误或已失效");

        assertProblem(http.as(token).post("/api/me/phones", Map.of("phone", wanted)), 400, "MISSING_FIELD", null);
        assertProblem(bind(http, token, "12345", "123456"), 400, "INVALID_PHONE", "LOGIN-2");
        assertThat(StoredEvents.types(database, person.personId())).doesNotContain("PhoneBound");

        assertThat(bind(http, token, wanted, code).status()).isEqualTo(201);
        HttpJson.Response neverSent = bind(http, token, phone(), "123456");
        assertProblem(neverSent, 422, "SMS_CODE_INVALID", "LOGIN-2");
        assertThat(neverSent.text("smsCodeCheck")).isEqualTo("NO_CODE");
    }

    @Test
    @DisplayName("LOGIN-2: an unbound phone no longer logs in (\"手机号码不存在…\") and another person may bind it")
    void unbindFreesPhone() {
        Person person = registered();
        Person other = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        String second = phone();
        assertThat(bindWithCode(token, second).status()).isEqualTo(201);

        assertThat(http.as(token).delete("/api/me/phones/" + second).status()).isEqualTo(204);

        Map<String, Object> bySecond = byPhone(second, PASSWORD);
        bySecond.put("smsCode", "123456");
        HttpJson.Response refused = http.post("/api/sessions", bySecond);
        assertProblem(refused, 401, "LOGIN_PHONE_NOT_BOUND", "LOGIN-2");
        assertThat(refused.text("message_zh")).isEqualTo("手机号码不存在，您可以尝试使用证件号码登录");

        String othersToken = logIn(http, other.phone(), PASSWORD);
        assertThat(bindWithCode(othersToken, second).status()).isEqualTo(201);
        assertThat(StoredEvents.types(database, person.personId())).endsWith("PhoneBound", "PhoneUnbound");
    }

    @Test
    @DisplayName("LOGIN-2: only the holder unbinds a phone: another person's phone is 404 and stays bound")
    void onlyHolderUnbinds() {
        Person person = registered();
        Person other = registered();
        String token = logIn(http, person.phone(), PASSWORD);

        assertProblem(http.as(token).delete("/api/me/phones/" + other.phone()), 404, "PHONE_NOT_BOUND_TO_YOU", "LOGIN-2");
        assertThat(logIn(http, other.phone(), PASSWORD)).isNotBlank();
        assertProblem(http.as(token).delete("/api/me/phones/not-a-phone"), 400, "INVALID_PHONE", "LOGIN-2");
    }

    @Test
    @DisplayName("LOGIN-3: the last phone may be unbound; the person logs in by document and face scan and recovers a phone (找回手机号码)")
    void lastPhoneAndRecovery() {
        Person person = registered();
        Person other = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        assertThat(http.as(token).delete("/api/me/phones/" + person.phone()).status()).isEqualTo(204);

        Map<String, Object> byFace = byDocument(person.document(), PASSWORD);
        byFace.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        HttpJson.Response faceSession = http.post("/api/sessions", byFace);
        assertThat(faceSession.status()).as(faceSession.raw()).isEqualTo(201);
        String session = faceSession.text("accessToken");
        String recovered = phone();

        HttpJson.Response othersFace = recover(session, recovered,
                faceToken(http, "RESIDENT_IDENTITY_CARD", other.document(), "PASSED"));
        assertProblem(othersFace, 422, "RECOVERY_FACE_VERIFICATION_REQUIRED", "LOGIN-3");
        HttpJson.Response failedScan = recover(session, recovered,
                faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "FAILED"));
        assertProblem(failedScan, 422, "FACE_VERIFICATION_FAILED", "REG-4");
        assertThat(StoredEvents.types(database, person.personId())).endsWith("PhoneUnbound", "LoginSucceeded");

        HttpJson.Response ok = recover(session, recovered,
                faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.text("how")).isEqualTo("PHONE_RECOVERY");
        assertThat(logIn(http, recovered, PASSWORD)).isNotBlank();
        assertThat(StoredEvents.payloads(database, person.personId())).anySatisfy(event ->
                assertThat(event).contains("\"how\":\"PHONE_RECOVERY\"", "\"faceVerificationId\":\"face-scan-"));

        // Holding a phone again, recovery is refused before any code or scan is spent.
        HttpJson.Response notNeeded = recovery(session, phone(), "123456", "face-token-unused");
        assertProblem(notNeeded, 422, "PHONE_RECOVERY_NOT_NEEDED", "LOGIN-3");
    }

    @Test
    @DisplayName("LOGIN-3: from the login page, a person without a phone recovers one by document, SMS code and own face scan")
    void recoveryBeforeLogin() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        assertThat(http.as(token).delete("/api/me/phones/" + person.phone()).status()).isEqualTo(204);
        String recovered = phone();

        // Before login, the binding code needs a passed face scan; here one of somebody else's face.
        String othersFace = faceToken(http, "RESIDENT_IDENTITY_CARD", registered().document(), "PASSED");
        Map<String, Object> request = new java.util.HashMap<>(Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                "documentNumber", person.document(), "phone", recovered,
                "smsCode", bindingCode(http, recovered, othersFace),
                "faceVerificationToken", othersFace));
        assertProblem(http.post("/api/phone-recoveries", request), 422, "RECOVERY_FACE_VERIFICATION_REQUIRED", "LOGIN-3");

        // The code was spent on that attempt (codes work once); a new one and the person's own face.
        String ownFace = faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED");
        request.put("smsCode", bindingCode(http, recovered, ownFace));
        request.put("faceVerificationToken", ownFace);
        HttpJson.Response ok = http.post("/api/phone-recoveries", request);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(logIn(http, recovered, PASSWORD)).isNotBlank();

        request.put("documentNumber", residentIdNumber());
        assertThat(http.post("/api/phone-recoveries", request).text("code")).isEqualTo("ACCOUNT_NOT_REGISTERED");
    }

    @Test
    @DisplayName("LOGIN-2: a person holds at most 5 phones; the 6th is refused with PHONE_LIMIT_REACHED")
    void atMostFivePhones() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(bindWithCode(token, phone()).status()).isEqualTo(201);
        }
        HttpJson.Response sixth = bind(http, token, phone(), "123456");
        assertProblem(sixth, 422, "PHONE_LIMIT_REACHED", "LOGIN-2");
        assertThat(sixth.body().get("maxPhones").asInt()).isEqualTo(5);
    }

    @Test
    @DisplayName("LOGIN-2: two persons on two command nodes binding the same new phone at the same moment: one 201, one 409")
    void concurrentBindingOnTwoNodes() throws Exception {
        Person first = registered();
        Person second = registered();
        String contested = phone();
        String contestedHash = node.bean(LookupHash.class).of(new MobilePhone(contested));
        try (CommandSideNode otherNode = CommandSideNode.start(database, clock)) {
            HttpJson other = otherNode.http();
            String firstToken = logIn(http, first.phone(), PASSWORD);
            String secondToken = logIn(other, second.phone(), PASSWORD);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<HttpJson.Response>> attempts = new ArrayList<>();
            // A phone has one live binding code at a time, so two binds only both pass the SMS check if the
            // first has used its code before the second code is sent. An uncommitted claim of the phone
            // holds each at its claim insert until both wait there; then it rolls back and they race.
            try (Connection blocker = database.connect()) {
                blocker.setAutoCommit(false);
                try (PreparedStatement claim = blocker.prepareStatement("INSERT INTO identity_claim "
                        + "(claim_kind, claim_hash, person_id, claimed_at) VALUES ('PHONE', ?, ?, ?)")) {
                    claim.setString(1, contestedHash);
                    claim.setString(2, PersonId.generate().value());
                    claim.setTimestamp(3, Timestamp.from(clock.instant()));
                    claim.executeUpdate();
                }
                String firstCode = smsCode(http.as(firstToken), contested, "PHONE_BINDING");
                attempts.add(pool.submit(() -> bind(http, firstToken, contested, firstCode)));
                awaitTransactionsWaitingForLocks(1);
                String secondCode = smsCode(other.as(secondToken), contested, "PHONE_BINDING");
                attempts.add(pool.submit(() -> bind(other, secondToken, contested, secondCode)));
                awaitTransactionsWaitingForLocks(2);
                blocker.rollback();

                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpJson.Response> attempt : attempts) {
                    HttpJson.Response response = attempt.get();
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertProblem(response, 409, "PHONE_ALREADY_BOUND", "LOGIN-2");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdownNow();
            }
        }
        List<String> holders = rows("SELECT person_id FROM identity_claim WHERE claim_kind = 'PHONE' AND claim_hash = '"
                + contestedHash + "'");
        assertThat(holders).hasSize(1);
        String winner = holders.get(0);
        assertThat(winner).isIn(first.personId(), second.personId());
        String loser = winner.equals(first.personId()) ? second.personId() : first.personId();
        assertThat(StoredEvents.types(database, winner)).endsWith("PhoneBound");
        assertThat(StoredEvents.types(database, loser)).doesNotContain("PhoneBound");
    }

    @Test
    @DisplayName("LOGIN-2: no phone in clear in any event of binding or unbinding; the events hold ciphertext only")
    void eventsHoldNoPlaintext() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        String second = phone();
        assertThat(bindWithCode(token, second).status()).isEqualTo(201);
        assertThat(http.as(token).delete("/api/me/phones/" + second).status()).isEqualTo(204);

        List<String> events = StoredEvents.payloads(database, person.personId());
        assertThat(events).hasSizeGreaterThanOrEqualTo(3).allSatisfy(event ->
                assertThat(event).doesNotContain(second, person.phone(), second.substring(3), new MobilePhone(second).masked()));
        assertThat(String.join("\n", events)).contains("\"phone\":{\"ciphertext\":");
    }

    @Test
    @DisplayName("A person's phones need a person's token: none is 401, a staff token 403")
    void callers() {
        assertProblem(http.post("/api/me/phones", Map.of("phone", phone(), "smsCode", "123456")), 401,
                "AUTHENTICATION_REQUIRED", null);
        assertProblem(http.delete("/api/me/phones/" + phone()), 401, "AUTHENTICATION_REQUIRED", null);
        assertProblem(http.as(staffToken(http, "TAX_STAFF")).post("/api/me/phone-recovery", Map.of("phone", phone())),
                403, "ACCESS_DENIED", null);
    }

    private static HttpJson.Response recover(String token, String phone, String faceVerificationToken) {
        return recovery(token, phone, smsCode(http.as(token), phone, "PHONE_BINDING"), faceVerificationToken);
    }

    private static HttpJson.Response recovery(String token, String phone, String code, String faceVerificationToken) {
        return http.as(token).post("/api/me/phone-recovery",
                Map.of("phone", phone, "smsCode", code, "faceVerificationToken", faceVerificationToken));
    }

    /** The code in the last SMS the dev outbox holds for the phone. */
    private static String lastCode(String phone) {
        var outbox = http.get("/api/dev/sms?phone=" + phone).body();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(\\d{6})")
                .matcher(outbox.get(outbox.size() - 1).get("text").asText());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** Bind transactions waiting at the contested claim: they have used their codes and are ready to race. */
    private static void awaitTransactionsWaitingForLocks(int expected) {
        await().atMost(Duration.ofSeconds(5)).until(() -> Integer.parseInt(rows(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .get(0)) == expected);
    }

    private static List<String> rows(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("rule")).isEqualTo(rule);
    }
}
