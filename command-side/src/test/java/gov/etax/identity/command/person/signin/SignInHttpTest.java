package gov.etax.identity.command.person.signin;

import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.withSmsCode;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.Problems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Logging in and out over real HTTP, on PostgreSQL, with a clock the test moves across midnight. */
class SignInHttpTest extends CommandSideHttpTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "Secret#2024";

    private static MutableClock clock;

    @BeforeAll
    static void start() {
        clock = MutableClock.tomorrowMorningInChina();
        startCommandSide(clock);
    }

    record Person(String personId, String document, String phone, String username) {
    }

    private static Person registered() {
        String document = residentIdNumber();
        String phone = phone();
        String username = "U" + phone.substring(3);
        Map<String, Object> body = application(document, phone, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        body.put("username", username);
        HttpJson.Response response = http.post("/api/persons/registrations", withSmsCode(http, body));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Person(response.text("personId"), document, phone, username);
    }

    @Test
    @DisplayName("LOGIN-1, LOGIN-5: logs in by document, bound phone or username, each with an SMS code or a face scan")
    void everyAccountKindAndBothFactors() {
        Person person = registered();
        List<Map<String, Object>> accounts = List.of(
                byDocument(person.document(), PASSWORD), byPhone(person.phone(), PASSWORD),
                new HashMap<>(Map.of("username", person.username(), "password", PASSWORD)));
        for (Map<String, Object> account : accounts) {
            Map<String, Object> withSms = new HashMap<>(account);
            withSms.put("smsCode", smsCode(http, person.phone(), "LOGIN"));
            withSms.put("smsPhone", person.phone());
            assertSession(http.post("/api/sessions", withSms), person, "SMS");

            Map<String, Object> withFace = new HashMap<>(account);
            withFace.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
            assertSession(http.post("/api/sessions", withFace), person, "FACE");
        }
    }

    @Test
    @DisplayName("REG-6: an unregistered document or username is told \"该用户未注册\"")
    void unregistered() {
        Map<String, Object> body = byDocument(residentIdNumber(), PASSWORD);
        body.put("smsCode", "123456");
        assertProblem(http.post("/api/sessions", body), 401, "ACCOUNT_NOT_REGISTERED", "REG-6", "该用户未注册");

        Map<String, Object> byUsername = new HashMap<>(Map.of("username", "Nobody2024", "password", PASSWORD, "smsCode", "1"));
        assertProblem(http.post("/api/sessions", byUsername), 401, "ACCOUNT_NOT_REGISTERED", "REG-6", "该用户未注册");
    }

    @Test
    @DisplayName("LOGIN-2: an unbound phone is told \"手机号码不存在，您可以尝试使用证件号码登录\"")
    void unboundPhone() {
        Map<String, Object> body = byPhone(phone(), PASSWORD);
        body.put("smsCode", "123456");
        assertProblem(http.post("/api/sessions", body), 401, "LOGIN_PHONE_NOT_BOUND", "LOGIN-2",
                "手机号码不存在，您可以尝试使用证件号码登录");
    }

    @Test
    @DisplayName("LOGIN-5: a password alone is not enough; a wrong SMS code or another person's face fails")
    void secondFactorRequired() {
        Person person = registered();
        HttpJson.Response none = http.post("/api/sessions", byDocument(person.document(), PASSWORD));
        assertProblem(none, 400, "SECOND_FACTOR_REQUIRED", "LOGIN-5", null);

        Map<String, Object> wrongCode = byPhone(person.phone(), PASSWORD);
        smsCode(http, person.phone(), "LOGIN");
        wrongCode.put("smsCode", "000000");
        assertProblem(http.post("/api/sessions", wrongCode), 401, "WRONG_SMS_CODE", "PWD-5", null);

        Person other = registered();
        Map<String, Object> othersFace = byPhone(person.phone(), PASSWORD);
        othersFace.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", other.document(), "PASSED"));
        assertProblem(http.post("/api/sessions", othersFace), 401, "FACE_NOT_VERIFIED", "PWD-5", null);
    }

    @Test
    @DisplayName("PWD-5: 4th failure warns, 5th locks until 00:00, 6th is refused; 23:59 still locked, 00:00 open again")
    void lockoutAcrossMidnight() throws SQLException {
        Person person = registered();
        Map<String, Object> wrong = byDocument(person.document(), "Wrong#2024");
        wrong.put("smsCode", "000000");
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(http.post("/api/sessions", wrong).body().get("failuresLeft").asInt()).isEqualTo(5 - attempt);
        }
        HttpJson.Response fourth = http.post("/api/sessions", wrong);
        assertProblem(fourth, 401, "WRONG_CREDENTIALS", "PWD-5", null);
        assertThat(fourth.body().get("failuresLeft").asInt()).isEqualTo(1);

        Instant midnight = LocalDate.ofInstant(clock.instant(), CST).plusDays(1).atStartOfDay(CST).toInstant();
        HttpJson.Response fifth = http.post("/api/sessions", wrong);
        assertProblem(fifth, 403, "ACCOUNT_LOCKED", "PWD-5", null);
        assertThat(Instant.parse(fifth.text("unlocksAt"))).isEqualTo(midnight);
        assertThat(fifth.text("message_zh")).contains("次日零时");

        Map<String, Object> right = byDocument(person.document(), PASSWORD);
        right.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        assertProblem(http.post("/api/sessions", right), 403, "ACCOUNT_LOCKED", "PWD-5", null);

        clock.set(midnight.minus(Duration.ofMinutes(1)));
        right.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        assertProblem(http.post("/api/sessions", right), 403, "ACCOUNT_LOCKED", "PWD-5", null);

        clock.set(midnight);
        right.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        assertThat(http.post("/api/sessions", right).status()).isEqualTo(201);

        assertThat(eventTypes(person.personId())).containsExactly(
                "NaturalPersonRegistered", "LoginFailed", "LoginFailed", "LoginFailed", "LoginFailed", "LoginFailed",
                "AccountLocked", "LoginFailed", "LoginFailed", "AccountUnlocked", "LoginSucceeded");
        clock.set(midnight.plus(Duration.ofHours(10)));
    }

    @Test
    @DisplayName("PWD-5: a lock the look-up does not hold (an older node wrote it) is refused and recorded by the person all the same")
    void lockMissingFromTheLookUp() throws SQLException {
        Person person = registered();
        Map<String, Object> wrong = byDocument(person.document(), "Wrong#2024");
        wrong.put("smsCode", "000000");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(http.post("/api/sessions", wrong).status()).isEqualTo(401);
        }
        assertProblem(http.post("/api/sessions", wrong), 403, "ACCOUNT_LOCKED", "PWD-5", null);
        try (Connection connection = database.connect();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM account_lock WHERE person_id = ?")) {
            delete.setString(1, person.personId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        Map<String, Object> right = byDocument(person.document(), PASSWORD);
        right.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        assertProblem(http.post("/api/sessions", right), 403, "ACCOUNT_LOCKED", "PWD-5", null);
        assertThat(eventTypes(person.personId())).endsWith("LoginFailed", "AccountLocked", "LoginFailed");
    }

    @Test
    @DisplayName("Logout ends the session: the same token is refused afterwards (401)")
    void logout() {
        Person person = registered();
        Map<String, Object> body = byPhone(person.phone(), PASSWORD);
        body.put("smsCode", smsCode(http, person.phone(), "LOGIN"));
        String token = http.post("/api/sessions", body).text("accessToken");

        assertThat(http.as(token).delete("/api/sessions/current").status()).isEqualTo(204);
        HttpJson.Response again = http.as(token).delete("/api/sessions/current");
        assertProblem(again, 401, "AUTHENTICATION_REQUIRED", null, "请先登录");
        assertThat(again.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(eventTypes(person.personId())).endsWith("LoginSucceeded", "SessionEnded");
    }

    @Test
    @DisplayName("Without a token, or with a staff token, a person's session endpoint is 401 or 403")
    void callers() {
        assertProblem(http.delete("/api/sessions/current"), 401, "AUTHENTICATION_REQUIRED", null, null);
        assertProblem(http.as(staffToken(http, "TAX_STAFF")).delete("/api/sessions/current"), 403, "ACCESS_DENIED", null, null);
        assertProblem(http.as("not-a-token").delete("/api/sessions/current"), 401, "AUTHENTICATION_REQUIRED", null, null);
    }

    @Test
    @DisplayName("The command side publishes the session keys as a JWK set without private parts")
    void jwks() {
        HttpJson.Response jwks = http.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body().get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.body().get("keys").get(0).has("d")).isFalse();
    }

    private static void assertSession(HttpJson.Response response, Person person, String verifiedBy) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("personId")).isEqualTo(person.personId());
        assertThat(response.text("verifiedBy")).isEqualTo(verifiedBy);
        assertThat(response.text("entry")).isEqualTo("NATURAL_PERSON");
        assertThat(response.text("accessToken")).contains(".");
        assertThat(Instant.parse(response.text("expiresAt"))).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule, String messageZh) {
        Problems.assertProblem(response, status, code, rule, messageZh);
    }

    private static List<String> eventTypes(String personId) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT payloadtype FROM domainevententry "
                     + "WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, personId);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
