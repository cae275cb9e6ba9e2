package gov.etax.identity.command.person.signin;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.Problems;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.support.Registrations.Registered;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The account lock look-up (account_lock) on the H2 of `make run`: kept by the lock's events,
 * filled by its migration from the events already stored, and read by a sign-in before it hashes.
 */
class AccountLocksH2Test {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "Secret#2024";

    private static ConfigurableApplicationContext context;
    private static MutableClock clock;
    private static HttpJson http;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        clock = MutableClock.tomorrowMorningInChina();
        context = CommandSideApplication.builder()
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:account-locks-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.username=sa",
                        "--spring.datasource.password=",
                        "--spring.profiles.active=dev", "--etax.dev.key-dir=target/dev-keys");
        http = new HttpJson("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @DisplayName("PWD-5: a lock is on record from the fifth failure until its end at midnight is recorded; the migration finds the locks already stored")
    void lockOnRecordFollowsTheLockAcrossMidnight() throws IOException {
        Registered person = Registrations.registered(http);
        Registered neverLocked = Registrations.registered(http);
        Map<String, Object> wrong = byDocument(person.document(), "Wrong#2024");
        wrong.put("smsCode", "000000");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(http.post("/api/sessions", wrong).status()).isEqualTo(401);
            assertThat(onRecord(person)).as("after failure %d", attempt).isFalse();
        }
        Problems.assertProblem(http.post("/api/sessions", wrong), 403, "ACCOUNT_LOCKED", "PWD-5", null);
        assertThat(onRecord(person)).isTrue();

        // The migration's statement over the stored events gives back the same rows.
        jdbc.update("DELETE FROM account_lock");
        jdbc.update(backfill());
        assertThat(onRecord(person)).isTrue();
        assertThat(onRecord(neverLocked)).isFalse();

        Instant midnight = LocalDate.ofInstant(clock.instant(), CST).plusDays(1).atStartOfDay(CST).toInstant();
        clock.set(midnight.minus(Duration.ofMinutes(1)));
        Problems.assertProblem(http.post("/api/sessions", rightWithFace(person)), 403, "ACCOUNT_LOCKED", "PWD-5", null);
        assertThat(onRecord(person)).isTrue();

        clock.set(midnight);
        assertThat(onRecord(person)).as("the unlock is not yet observed").isTrue();
        assertThat(http.post("/api/sessions", rightWithFace(person)).status()).isEqualTo(201);
        assertThat(onRecord(person)).isFalse();
        jdbc.update("DELETE FROM account_lock");
        jdbc.update(backfill());
        assertThat(onRecord(person)).as("AccountUnlocked follows the lock in the events").isFalse();
        clock.set(midnight.plus(Duration.ofHours(10)));
    }

    private static Map<String, Object> rightWithFace(Registered person) {
        Map<String, Object> right = byDocument(person.document(), PASSWORD);
        right.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        return right;
    }

    private static boolean onRecord(Registered person) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_lock WHERE person_id = ?", Integer.class,
                person.personId()) == 1;
    }

    /** The migration's INSERT of the locks already on record. */
    static String backfill() throws IOException {
        try (InputStream migration = AccountLocksH2Test.class.getResourceAsStream(
                "/db/migration/command/V43__account_locks.sql")) {
            String sql = new String(migration.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> s.startsWith("INSERT")).findFirst()
                    .orElseThrow();
        }
    }
}
