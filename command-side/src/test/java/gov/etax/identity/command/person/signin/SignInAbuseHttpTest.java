package gov.etax.identity.command.person.signin;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.support.Registrations.Registered;
import gov.etax.identity.command.support.StoredEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Threats account probing and lockout as a weapon, over real HTTP on PostgreSQL. The node hashes
 * with the real Argon2id through an encoder that counts its comparisons, so "as slow as a real
 * account" is asserted as "one hash, like a real account", without timing anything. The limit per
 * address is the production default (20 refusals in 10 minutes); each test starts an hour later,
 * in a window of its own, and all of them within one China day.
 */
class SignInAbuseHttpTest {

    private static final String PASSWORD = "Secret#2024";
    private static final String WRONG = "Wrong#2024x";

    private static final CountingEncoder encoder = new CountingEncoder();
    private static PostgresTestDatabase database;
    private static MutableClock clock;
    private static CommandSideNode node;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        clock = MutableClock.tomorrowMorningInChina();
        node = CommandSideNode.start(database, Map.of("clock", clock, "passwordEncoder", encoder),
                "etax.rate-limits.sign-in-failures-per-address.max=20",
                "etax.rate-limits.sign-in-failures-per-address.window=10m");
        http = node.http();
    }

    @AfterAll
    static void stop() {
        node.close();
        database.close();
    }

    @Test
    @DisplayName("REG-6, LOGIN-2, threat account probing: an unknown document, phone or username costs one password hash, like a known account; the FAQ's answers stay")
    void unknownAccountsCostAHash() {
        clock.advance(Duration.ofHours(1));
        Registered person = registered();

        int before = encoder.comparisons();
        Map<String, Object> known = withSms(byPhone(person.phone(), WRONG));
        assertProblem(http.post("/api/sessions", known), 401, "WRONG_CREDENTIALS", "PWD-5", "账号或密码错误");
        assertThat(encoder.comparisons()).isEqualTo(before + 1);

        assertProblem(http.post("/api/sessions", withSms(byPhone(phone(), WRONG))), 401, "LOGIN_PHONE_NOT_BOUND", "LOGIN-2",
                "手机号码不存在，您可以尝试使用证件号码登录");
        assertThat(encoder.comparisons()).isEqualTo(before + 2);

        assertProblem(http.post("/api/sessions", withSms(byDocument(residentIdNumber(), WRONG))), 401,
                "ACCOUNT_NOT_REGISTERED", "REG-6", "该用户未注册");
        assertThat(encoder.comparisons()).isEqualTo(before + 3);

        Map<String, Object> byUsername = new HashMap<>(Map.of("username", "Nobody" + phone().substring(3), "password", WRONG));
        assertProblem(http.post("/api/sessions", withSms(byUsername)), 401, "ACCOUNT_NOT_REGISTERED", "REG-6", "该用户未注册");
        assertThat(encoder.comparisons()).isEqualTo(before + 4);
    }

    @Test
    @DisplayName("Threat account probing: 20 refusals from one address in 10 minutes, then 429 TOO_MANY_FAILED_ATTEMPTS before any look-up or hash, for sign-in, password reset and phone recovery alike")
    void refusalsPerAddress() {
        clock.advance(Duration.ofHours(1));
        Registered person = registered();
        for (int attempt = 1; attempt <= 20; attempt++) {
            HttpJson.Response probe = http.post("/api/sessions", withSms(byPhone(phone(), WRONG)));
            assertThat(probe.status()).as("probe " + attempt + ": " + probe.raw()).isEqualTo(401);
        }
        int before = encoder.comparisons();
        HttpJson.Response refused = http.post("/api/sessions", withSms(byPhone(phone(), WRONG)));
        assertProblem(refused, 429, "TOO_MANY_FAILED_ATTEMPTS", "PWD-5", "操作过于频繁，请稍后重试");
        assertThat(refused.headers().firstValue("Retry-After")).get()
                .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        assertThat(Instant.parse(refused.text("retryAt"))).isAfter(clock.instant());

        // The right password waits too: the address, not the account, is what is refused.
        assertProblem(http.post("/api/sessions", withFace(byDocument(person.document(), PASSWORD), person.document())),
                429, "TOO_MANY_FAILED_ATTEMPTS", "PWD-5", null);
        assertProblem(http.post("/api/password-resets", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                "documentNumber", residentIdNumber(), "newPassword", "Newer#2025x", "smsCode", "123456", "phone", phone())),
                429, "TOO_MANY_FAILED_ATTEMPTS", "PWD-5", null);
        assertProblem(http.post("/api/phone-recoveries", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                "documentNumber", residentIdNumber(), "phone", phone(), "smsCode", "123456", "faceVerificationToken", "x")),
                429, "TOO_MANY_FAILED_ATTEMPTS", "PWD-5", null);
        assertThat(encoder.comparisons()).isEqualTo(before);

        clock.advance(Duration.ofMinutes(10));
        HttpJson.Response session = http.post("/api/sessions", withFace(byDocument(person.document(), PASSWORD), person.document()));
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
    }

    @Test
    @DisplayName("PWD-5: across all methods an account allows 8 wrong passwords a day (4 with SMS, 4 with face); the 9th locks it, and a locked account refuses without hashing")
    void eightWrongPasswordsADay() {
        clock.advance(Duration.ofHours(1));
        Registered person = registered();
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpJson.Response wrong = http.post("/api/sessions", withSms(byPhone(person.phone(), WRONG)));
            assertProblem(wrong, 401, "WRONG_CREDENTIALS", "PWD-5", null);
            assertThat(wrong.body().get("failuresLeft").asInt()).isEqualTo(5 - attempt);
        }
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpJson.Response wrong = http.post("/api/sessions", withFace(byPhone(person.phone(), WRONG), person.document()));
            assertProblem(wrong, 401, "WRONG_CREDENTIALS", "PWD-5", null);
            assertThat(wrong.body().get("failuresLeft").asInt()).isEqualTo(5 - attempt);
        }
        HttpJson.Response ninth = http.post("/api/sessions", withSms(byPhone(person.phone(), WRONG)));
        assertProblem(ninth, 403, "ACCOUNT_LOCKED", "PWD-5", null);

        // Locked: even the right password with a passed face scan is refused before any hash.
        int before = encoder.comparisons();
        HttpJson.Response locked = http.post("/api/sessions", withFace(byDocument(person.document(), PASSWORD), person.document()));
        assertProblem(locked, 403, "ACCOUNT_LOCKED", "PWD-5",
                "一天内同一认证方式连续失败5次，账号已锁定。可通过【忘记密码】修改密码后重新登录，或等待次日零时系统自动解锁。");
        assertThat(locked.text("unlocksAt")).isNotNull();
        assertThat(encoder.comparisons()).isEqualTo(before);
        assertThat(StoredEvents.payloads(database, person.personId()))
                .filteredOn(event -> event.contains("\"reason\":\"ACCOUNT_LOCKED\"")).hasSize(1);
    }

    @Test
    @DisplayName("Threat lockout as a weapon, PWD-5: one address locks at most 4 accounts in 10 minutes; the 21st wrong try touches no account")
    void oneAddressLocksFewAccounts() {
        clock.advance(Duration.ofHours(1));
        for (int victim = 1; victim <= 4; victim++) {
            Registered person = registered();
            for (int attempt = 1; attempt <= 5; attempt++) {
                http.post("/api/sessions", withSms(byPhone(person.phone(), WRONG)));
            }
            assertThat(StoredEvents.types(database, person.personId())).contains("AccountLocked");
        }
        Registered spared = registered();
        int before = encoder.comparisons();
        assertProblem(http.post("/api/sessions", withSms(byPhone(spared.phone(), WRONG))), 429,
                "TOO_MANY_FAILED_ATTEMPTS", "PWD-5", null);
        assertThat(encoder.comparisons()).isEqualTo(before);
        assertThat(StoredEvents.types(database, spared.personId())).doesNotContain("LoginFailed", "AccountLocked");
    }

    private static Registered registered() {
        return Registrations.registered(http);
    }

    private static Map<String, Object> withSms(Map<String, Object> account) {
        Map<String, Object> body = new HashMap<>(account);
        body.put("smsCode", "000000");
        return body;
    }

    private static Map<String, Object> withFace(Map<String, Object> account, String document) {
        Map<String, Object> body = new HashMap<>(account);
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        return body;
    }

    /** The application's Argon2id, counting how often a password is compared with a hash. */
    static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        private final AtomicInteger comparisons = new AtomicInteger();

        int comparisons() {
            return comparisons.get();
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return argon2.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            comparisons.incrementAndGet();
            return argon2.matches(rawPassword, encodedPassword);
        }
    }
}
