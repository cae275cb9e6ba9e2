package gov.etax.identity.command.infrastructure.config;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.infrastructure.config.PasswordHashingHttpTest.GatedEncoder;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.command.support.SignIns;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The door of the requests that hash, over real HTTP: with as many requests waiting for the one
 * hashing permit as could get it within the bounded wait, the next is refused at once with 503
 * HASHING_BUSY, before it checks or spends anything, while those admitted go on waiting.
 */
class HashingAdmissionHttpTest extends CommandSideHttpTest {

    private static final GatedEncoder gated = new GatedEncoder();
    private static final HashingAdmission admission = new HashingAdmission(1, Duration.ofSeconds(20),
            Duration.ofSeconds(3), Clock.systemUTC());

    @BeforeAll
    static void start() {
        startCommandSide(Map.of("hashingAdmission", admission,
                "passwordEncoder", new BoundedPasswordEncoder(gated, Clock.systemUTC(), nanos -> { }, admission)));
    }

    @Test
    @DisplayName("REG-2, LOGIN-1: the hashing queue is full: a registration is refused at once with 503 HASHING_BUSY and "
            + "Retry-After, stores nothing and spends neither its face token nor its SMS code; the waiting login goes on")
    void fullQueueRefusesAtTheDoor() throws Exception {
        String phone = Registrations.phone();
        assertThat(Registrations.register(http, Registrations.residentIdNumber(), phone).status()).isEqualTo(201);
        String document = Registrations.residentIdNumber();
        Map<String, Object> application = Registrations.withSmsCode(http,
                Registrations.application(document, Registrations.phone(),
                        Registrations.faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        Map<String, Object> loginRequest = SignIns.byPhone(phone, "Secret#2024");
        loginRequest.put("smsCode", SignIns.smsCode(http, phone, "LOGIN"));
        // Hashes as slow as the whole wait: one request may wait for the permit, no more.
        for (int i = 0; i < 100; i++) {
            admission.hashed(Duration.ofSeconds(20).toNanos());
        }
        assertThat(admission.limit()).isEqualTo(1);

        gated.closed.set(true);
        CompletableFuture<HttpJson.Response> hashing = CompletableFuture.supplyAsync(
                () -> Registrations.register(http, Registrations.residentIdNumber(), Registrations.phone()));
        await().atMost(Duration.ofSeconds(10)).until(() -> gated.waiting.get() == 1);
        CompletableFuture<HttpJson.Response> login = CompletableFuture.supplyAsync(
                () -> http.post("/api/sessions", loginRequest));
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.waiting() == 1);
        long eventsBefore = PasswordHashingHttpTest.events();

        HttpJson.Response refused = http.post("/api/persons/registrations", application);
        assertProblem(refused, 503, "HASHING_BUSY", null, "系统繁忙，请稍后再试");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(login).as("the admitted login still waits for the permit").isNotDone();
        assertThat(PasswordHashingHttpTest.events()).isEqualTo(eventsBefore);

        gated.closed.set(false);
        gated.open.release();
        assertThat(hashing.get().status()).isEqualTo(201);
        assertThat(login.get().status()).isEqualTo(201);
        assertThat(admission.waiting()).isZero();
        // Nothing of the refused registration was spent: the same face token and code register now.
        assertThat(http.post("/api/persons/registrations", application).status()).isEqualTo(201);
    }
}
