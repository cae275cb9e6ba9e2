package gov.etax.identity.command.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashingAdmissionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final ExecutorService requests = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    @DisplayName("REG-2, LOGIN-1: with one permit, 100 ms of wait and 50 ms hashes, two requests may wait for a permit; "
            + "a third is refused at once with HASHING_BUSY and does none of its work")
    void refusesWhatCouldNotGetAPermitInTime() throws Exception {
        HashingAdmission admission = new HashingAdmission(1, Duration.ofMillis(100), Duration.ofSeconds(2), clock);
        admission.hashed(Duration.ofMillis(50).toNanos());
        assertThat(admission.limit()).isEqualTo(2);
        Semaphore leave = new Semaphore(0);
        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            waiting.add(requests.submit(() -> admission.admitted(() -> {
                leave.acquireUninterruptibly();
                return "done";
            })));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 2);

        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> admission.admitted(() -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.reason()).isEqualTo(PasswordHashingReason.HASHING_BUSY);
                    assertThat(refusal.details()).containsEntry("retryAt", Instant.parse("2026-03-02T08:00:02Z"));
                });
        assertThat(ran).isFalse();

        leave.release(2);
        for (Future<String> request : waiting) {
            assertThat(request.get()).isEqualTo("done");
        }
        assertThat(admission.waiting()).isZero();
        assertThat(admission.admitted(() -> "admitted again")).isEqualTo("admitted again");

        // hashes grow faster: the average follows, and more requests may wait
        for (int i = 0; i < 40; i++) {
            admission.hashed(Duration.ofMillis(10).toNanos());
        }
        assertThat(admission.limit()).isBetween(8, 10);
    }

    @Test
    @DisplayName("a request stops counting once its hash holds a permit: the next one is admitted while the first still hashes")
    void countsOnlyWhatWaitsForAPermit() throws Exception {
        HashingAdmission admission = new HashingAdmission(1, Duration.ofMillis(100), Duration.ofSeconds(2), clock);
        BoundedPasswordEncoderTest.GatedEncoder gated = new BoundedPasswordEncoderTest.GatedEncoder();
        BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(gated, 1, Duration.ofMinutes(1), Duration.ofSeconds(2),
                clock, nanos -> { }, admission);
        admission.hashed(Duration.ofMillis(60).toNanos());
        assertThat(admission.limit()).as("1 permit × 100 ms / 60 ms").isEqualTo(1);

        Future<String> hashing = requests.submit(() -> admission.admitted(() -> encoder.encode("second")));
        await().atMost(Duration.ofSeconds(5)).until(() -> gated.inside.get() == 1);
        Future<String> queued = requests.submit(() -> admission.admitted(() -> encoder.encode("third")));
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 1);
        assertThatThrownBy(() -> admission.admitted(() -> encoder.encode("fourth")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(PasswordHashingReason.HASHING_BUSY));

        gated.finish.release(2);
        assertThat(hashing.get()).isEqualTo("hash:second");
        assertThat(queued.get()).isEqualTo("hash:third");
        assertThat(admission.waiting()).isZero();
    }

    @Test
    @DisplayName("before any hash is measured every request is admitted; one that never hashes stops counting when it ends")
    void admitsUntilMeasured() throws Exception {
        HashingAdmission admission = new HashingAdmission(1, Duration.ofMillis(100), Duration.ofSeconds(2), clock);
        Semaphore leave = new Semaphore(0);
        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(requests.submit(() -> admission.admitted(() -> {
                leave.acquireUninterruptibly();
                return "done";
            })));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.waiting() == 6);
        leave.release(6);
        for (Future<String> request : waiting) {
            assertThat(request.get()).isEqualTo("done");
        }
        assertThat(admission.waiting()).isZero();
        assertThatThrownBy(() -> admission.admitted(() -> {
            throw new IllegalStateException("refused before hashing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(admission.waiting()).isZero();
    }
}
