package gov.etax.identity.command.infrastructure.config;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.infrastructure.config.Argon2PasswordEncoders.Implementation;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.support.SignIns;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Busy hashing CPUs over real HTTP: with the one hashing permit held by a request that cannot
 * finish, others are refused at once with 503 HASHING_BUSY and Retry-After, and nothing of theirs
 * is stored or spent (REG-2: registration; LOGIN-1: login).
 */
class PasswordHashingHttpTest extends CommandSideHttpTest {

    /** The real Argon2id, except that while closed each hash waits inside its permit. */
    static final class GatedEncoder implements PasswordEncoder {
        final PasswordEncoder argon2 = Argon2PasswordEncoders.create(Argon2Settings.OWASP_MINIMUM, Implementation.NATIVE);
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicInteger waiting = new AtomicInteger();
        final Semaphore open = new Semaphore(0);

        private void gate() {
            if (closed.get()) {
                waiting.incrementAndGet();
                open.acquireUninterruptibly();
                waiting.decrementAndGet();
            }
        }

        @Override
        public String encode(CharSequence rawPassword) {
            gate();
            return argon2.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            gate();
            return argon2.matches(rawPassword, encodedPassword);
        }
    }

    private static final GatedEncoder gated = new GatedEncoder();

    @BeforeAll
    static void start() {
        startCommandSide(Map.of("passwordEncoder", new BoundedPasswordEncoder(gated, 1, Duration.ofMillis(100),
                Duration.ofSeconds(3), Clock.systemUTC())));
    }

    @Test
    @DisplayName("REG-2, LOGIN-1: all hashing permits busy: registration and login answer 503 HASHING_BUSY with Retry-After, store nothing, spend no face token or SMS code")
    void busyHashingFailsFast() throws Exception {
        String phone = Registrations.phone();
        assertThat(Registrations.register(http, Registrations.residentIdNumber(), phone).status()).isEqualTo(201);
        String document = Registrations.residentIdNumber();
        String face = Registrations.faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        String smsCode = SignIns.smsCode(http, phone, "LOGIN");
        // Its REGISTRATION code too, asked before the permits are taken: the refusal must not spend it.
        Map<String, Object> application = Registrations.withSmsCode(http,
                Registrations.application(document, Registrations.phone(), face));
        long eventsBefore = events();

        gated.closed.set(true);
        CompletableFuture<HttpJson.Response> holder = CompletableFuture.supplyAsync(
                () -> Registrations.register(http, Registrations.residentIdNumber(), Registrations.phone()));
        await().atMost(Duration.ofSeconds(10)).until(() -> gated.waiting.get() == 1);

        HttpJson.Response registration = http.post("/api/persons/registrations", application);
        assertProblem(registration, 503, "HASHING_BUSY", null, "系统繁忙，请稍后再试");
        assertThat(registration.headers().firstValue("Retry-After")).hasValue("3");

        Map<String, Object> login = SignIns.byPhone(phone, "Secret#2024");
        login.put("smsCode", smsCode);
        HttpJson.Response session = http.post("/api/sessions", login);
        assertProblem(session, 503, "HASHING_BUSY", null, "系统繁忙，请稍后再试");
        assertThat(session.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(events()).isEqualTo(eventsBefore);

        gated.closed.set(false);
        gated.open.release();
        assertThat(holder.get().status()).isEqualTo(201);

        // What the refused requests carried is still good: the same face token and the same SMS codes.
        assertThat(http.post("/api/persons/registrations", application).status()).isEqualTo(201);
        assertThat(http.post("/api/sessions", login).status()).isEqualTo(201);
    }

    /** Events in the store: a refused request must have added none. */
    static long events() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
