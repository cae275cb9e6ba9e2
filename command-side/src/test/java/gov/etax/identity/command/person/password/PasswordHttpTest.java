package gov.etax.identity.command.person.password;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.EventLog;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Forgot password (PWD-3, PWD-5) and the account-center change (PWD-4) over real HTTP, on PostgreSQL. */
class PasswordHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";
    private static final String NEW_PASSWORD = "Fresh#2025x";

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

    private static Map<String, Object> resetBySms(Person person, String phone, String code, String newPassword) {
        Map<String, Object> body = new HashMap<>();
        body.put("documentType", "RESIDENT_IDENTITY_CARD");
        body.put("documentNumber", person.document());
        body.put("newPassword", newPassword);
        body.put("phone", phone);
        body.put("smsCode", code);
        return body;
    }

    private static Map<String, Object> resetByFace(Person person, String token, String newPassword) {
        Map<String, Object> body = new HashMap<>();
        body.put("documentType", "RESIDENT_IDENTITY_CARD");
        body.put("documentNumber", person.document());
        body.put("newPassword", newPassword);
        body.put("faceVerificationToken", token);
        return body;
    }

    private static HttpJson.Response logInByFace(Person person, String password) {
        Map<String, Object> body = byDocument(person.document(), password);
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        return http.post("/api/sessions", body);
    }

    @Test
    @DisplayName("PWD-3: forgot password by an SMS code to the person's bound phone; the new password logs in, the old no longer")
    void resetBySms() {
        Person person = registered();
        String code = smsCode(http, person.phone(), "PASSWORD_RESET");

        HttpJson.Response reset = http.post("/api/password-resets", resetBySms(person, person.phone(), code, NEW_PASSWORD));

        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(reset.body().get("passwordReset").asBoolean()).isTrue();
        assertThat(reset.body().get("accountUnlocked").asBoolean()).isFalse();
        assertThat(logInByFace(person, NEW_PASSWORD).status()).isEqualTo(201);
        assertProblem(logInByFace(person, PASSWORD), 401, "WRONG_CREDENTIALS", "PWD-5", null);
        assertThat(EventLog.last(database, person.personId(), "PasswordReset")).contains("\"method\":\"SMS\"");
        // The code worked once.
        assertProblem(http.post("/api/password-resets", resetBySms(person, person.phone(), code, NEW_PASSWORD)),
                401, "RESET_SMS_CODE_MISSING", "PWD-3", "短信验证码错误或已失效");
    }

    @Test
    @DisplayName("PWD-3: forgot password by a face scan of the document; the new password may equal the old one")
    void resetByFaceToTheSamePassword() {
        Person person = registered();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED");

        HttpJson.Response reset = http.post("/api/password-resets", resetByFace(person, token, PASSWORD));

        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(logInByFace(person, PASSWORD).status()).isEqualTo(201);
        assertThat(EventLog.last(database, person.personId(), "PasswordReset")).contains("\"method\":\"FACE\"");
    }

    @Test
    @DisplayName("PWD-5, PWD-3: five wrong logins lock the account; a reset unlocks it at once and the new password logs in")
    void resetUnlocksLockedAccount() {
        Person person = registered();
        Map<String, Object> wrong = byDocument(person.document(), "Wrong#2024");
        wrong.put("smsCode", "000000");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(http.post("/api/sessions", wrong).status()).isEqualTo(401);
        }
        assertProblem(http.post("/api/sessions", wrong), 403, "ACCOUNT_LOCKED", "PWD-5", null);
        assertProblem(logInByFace(person, PASSWORD), 403, "ACCOUNT_LOCKED", "PWD-5", null);

        String code = smsCode(http, person.phone(), "PASSWORD_RESET");
        HttpJson.Response reset = http.post("/api/password-resets", resetBySms(person, person.phone(), code, NEW_PASSWORD));

        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(reset.body().get("accountUnlocked").asBoolean()).isTrue();
        HttpJson.Response login = logInByFace(person, NEW_PASSWORD);
        assertThat(login.status()).as(login.raw()).isEqualTo(201);
        assertThat(EventLog.types(database, person.personId())).endsWith(
                "AccountLocked", "LoginFailed", "PasswordReset", "AccountUnlocked", "LoginSucceeded");
        assertThat(EventLog.last(database, person.personId(), "AccountUnlocked"))
                .contains("\"cause\":\"PASSWORD_RESET\"")
                .contains("\"effectiveAt\":\"" + clock.instant());
    }

    @Test
    @DisplayName("PWD-3: a reset ends the person's open sessions: their tokens are refused afterwards")
    void resetEndsOpenSessions() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        assertThat(http.as(token).post("/api/me/password", Map.of("currentPassword", "x", "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(422);

        HttpJson.Response reset = http.post("/api/password-resets",
                resetByFace(person, faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"), NEW_PASSWORD));

        assertThat(reset.body().get("sessionsEnded").asInt()).isEqualTo(1);
        assertProblem(http.as(token).delete("/api/sessions/current"), 401, "AUTHENTICATION_REQUIRED", null, null);
        assertThat(EventLog.types(database, person.personId())).endsWith("PasswordReset", "SessionEnded");
    }

    @Test
    @DisplayName("PWD-3: a wrong, expired or foreign SMS code and a missing verification are refused with their own codes; nothing changes")
    void smsRefusals() {
        Person person = registered();
        Person other = registered();
        smsCode(http, person.phone(), "PASSWORD_RESET");

        assertProblem(http.post("/api/password-resets", resetBySms(person, person.phone(), "000000", NEW_PASSWORD)),
                401, "RESET_SMS_CODE_WRONG", "PWD-3", "短信验证码错误或已失效");
        // A code sent to another person's phone does not reset this person's password, and is not spent by trying.
        String othersCode = smsCode(http, other.phone(), "PASSWORD_RESET");
        assertProblem(http.post("/api/password-resets", resetBySms(person, other.phone(), othersCode, NEW_PASSWORD)),
                401, "RESET_SMS_CODE_MISSING", "PWD-3", null);
        assertThat(http.post("/api/password-resets", resetBySms(other, other.phone(), othersCode, NEW_PASSWORD)).status())
                .isEqualTo(200);
        // A login code is not a reset code.
        String loginCode = smsCode(http, person.phone(), "LOGIN");
        assertProblem(http.post("/api/password-resets", resetBySms(person, person.phone(), loginCode, NEW_PASSWORD)),
                401, "RESET_SMS_CODE_WRONG", "PWD-3", null);

        String code = smsCode(http, person.phone(), "PASSWORD_RESET");
        clock.advance(Duration.ofMinutes(5));
        assertProblem(http.post("/api/password-resets", resetBySms(person, person.phone(), code, NEW_PASSWORD)),
                401, "RESET_SMS_CODE_EXPIRED", "PWD-3", null);

        Map<String, Object> none = resetBySms(person, person.phone(), null, NEW_PASSWORD);
        assertProblem(http.post("/api/password-resets", none), 400, "RESET_VERIFICATION_REQUIRED", "PWD-3", null);
        Map<String, Object> both = resetBySms(person, person.phone(), "123456", NEW_PASSWORD);
        both.put("faceVerificationToken", "face-token-x");
        assertProblem(http.post("/api/password-resets", both), 400, "RESET_VERIFICATION_REQUIRED", "PWD-3", null);

        assertThat(logInByFace(person, PASSWORD).status()).isEqualTo(201);
        assertThat(EventLog.types(database, person.personId())).doesNotContain("PasswordReset");
    }

    @Test
    @DisplayName("PWD-3, REG-4: a failed face scan gets REG-4's guidance; another document's scan is not this person's")
    void faceRefusals() {
        Person person = registered();
        Person other = registered();

        assertProblem(http.post("/api/password-resets", resetByFace(person,
                        faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "FAILED"), NEW_PASSWORD)),
                422, "RESET_FACE_VERIFICATION_FAILED", "PWD-3", "请您确认能否清晰拍摄人脸图像，比如环境光线较暗、采集背景出现其他人脸等均为影响因素。"
                        + "如确认无法进行实名核验，请前往线下办税服务大厅进行实名信息采集。");
        assertProblem(http.post("/api/password-resets", resetByFace(person,
                        faceToken(http, "RESIDENT_IDENTITY_CARD", other.document(), "PASSED"), NEW_PASSWORD)),
                401, "RESET_FACE_NOT_VERIFIED", "PWD-3", "扫码验证未通过");
        assertProblem(http.post("/api/password-resets", resetByFace(person, "face-token-unknown", NEW_PASSWORD)),
                401, "RESET_FACE_NOT_VERIFIED", "PWD-3", null);
        assertThat(EventLog.types(database, person.personId())).doesNotContain("PasswordReset");
    }

    @Test
    @DisplayName("REG-6, PWD-3: an unregistered document is told \"该用户未注册\"; a weak new password spends no scan")
    void unregisteredAndWeakPassword() {
        Person stranger = new Person(null, residentIdNumber(), phone());
        assertProblem(http.post("/api/password-resets", resetByFace(stranger, "face-token-x", NEW_PASSWORD)),
                401, "ACCOUNT_NOT_REGISTERED", "REG-6", "该用户未注册");

        Person person = registered();
        String token = faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED");
        assertProblem(http.post("/api/password-resets", resetByFace(person, token, "short")), 400, "PASSWORD_TOO_WEAK",
                "REG-2", null);
        assertThat(http.post("/api/password-resets", resetByFace(person, token, NEW_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("PWD-4: a logged-in person changes the password with the current one; the session goes on; the new password logs in")
    void change() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);

        HttpJson.Response change = http.as(token).post("/api/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(change.status()).as(change.raw()).isEqualTo(200);
        assertThat(change.body().get("passwordChanged").asBoolean()).isTrue();
        assertThat(change.body().get("sessionEnded").asBoolean()).isFalse();
        assertThat(logInByFace(person, NEW_PASSWORD).status()).isEqualTo(201);
        assertProblem(logInByFace(person, PASSWORD), 401, "WRONG_CREDENTIALS", "PWD-5", null);
        assertThat(EventLog.types(database, person.personId())).contains("PasswordChanged");
        assertThat(http.as(token).delete("/api/sessions/current").status()).isEqualTo(204);
    }

    @Test
    @DisplayName("PWD-4: a wrong current password is 422 with failuresLeft, not a login failure (PWD-5); the fifth ends the session")
    void wrongCurrentPassword() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        Map<String, Object> wrong = Map.of("currentPassword", "Wrong#2024", "newPassword", NEW_PASSWORD);

        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpJson.Response refused = http.as(token).post("/api/me/password", wrong);
            assertProblem(refused, 422, "CURRENT_PASSWORD_WRONG", "PWD-4", "原密码错误");
            assertThat(refused.body().get("failuresLeft").asInt()).isEqualTo(5 - attempt);
        }
        HttpJson.Response fifth = http.as(token).post("/api/me/password", wrong);
        assertProblem(fifth, 422, "CURRENT_PASSWORD_WRONG", "PWD-4", null);
        assertThat(fifth.body().get("sessionEnded").asBoolean()).isTrue();
        assertProblem(http.as(token).post("/api/me/password", wrong), 401, "AUTHENTICATION_REQUIRED", null, null);

        // Not counted toward the lockout: the account is not locked and the old password still works.
        assertThat(logInByFace(person, PASSWORD).status()).isEqualTo(201);
        assertThat(EventLog.types(database, person.personId())).doesNotContain("LoginFailed", "AccountLocked", "PasswordChanged")
                .endsWith("PasswordChangeRefused", "SessionEnded", "LoginSucceeded");
    }

    @Test
    @DisplayName("PWD-4: a weak new password or a missing current one is refused before anything is recorded; no token is 401")
    void changeRefusals() {
        Person person = registered();
        String token = logIn(http, person.phone(), PASSWORD);
        assertProblem(http.as(token).post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", "abcdefgh")),
                400, "PASSWORD_TOO_WEAK", "REG-2", null);
        assertProblem(http.as(token).post("/api/me/password", Map.of("newPassword", NEW_PASSWORD)),
                400, "MISSING_FIELD", null, null);
        assertProblem(http.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)),
                401, "AUTHENTICATION_REQUIRED", null, null);
        assertThat(EventLog.types(database, person.personId())).doesNotContain("PasswordChangeRefused", "PasswordChanged");
    }

    @Test
    @DisplayName("No password, hash or SMS code is ever in an event")
    void noSecretsInEvents() {
        Person person = registered();
        String code = smsCode(http, person.phone(), "PASSWORD_RESET");
        assertThat(http.post("/api/password-resets", resetBySms(person, person.phone(), code, NEW_PASSWORD)).status())
                .isEqualTo(200);
        String all = EventLog.everything(database);
        assertThat(all).doesNotContain(NEW_PASSWORD, PASSWORD, "argon2", code, person.phone(), person.document());
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule, String messageZh) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("rule")).isEqualTo(rule);
        if (messageZh != null) {
            assertThat(response.text("message_zh")).isEqualTo(messageZh);
        }
    }
}
