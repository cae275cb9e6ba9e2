package gov.etax.identity.command.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.refusal.Refusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    /** Counts how many hashes run at once; each waits until the test lets it finish. */
    static final class GatedEncoder implements PasswordEncoder {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final Semaphore finish = new Semaphore(0);

        @Override
        public String encode(CharSequence rawPassword) {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            finish.acquireUninterruptibly();
            inside.decrementAndGet();
            return "hash:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encode(rawPassword).equals(encodedPassword);
        }
    }

    @Test
    @DisplayName("REG-2: at most the configured number of password hashes run at once; the rest wait and all finish")
    void boundsConcurrentHashes() throws Exception {
        GatedEncoder gated = new GatedEncoder();
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(gated, 2, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String password = "Secret#" + i;
                hashes.add(pool.submit(() -> bounded.encode(password)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> gated.inside.get() == 2);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> gated.inside.get() == 2);
            gated.finish.release(6);
            for (int i = 0; i < 6; i++) {
                assertThat(hashes.get(i).get()).isEqualTo("hash:Secret#" + i);
            }
            assertThat(gated.most.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a hash whose turn does not come within the bounded wait is refused: HASHING_BUSY, retry after the configured time")
    void refusesWhenNoPermitComesSoon() throws Exception {
        GatedEncoder gated = new GatedEncoder();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(gated, 1, Duration.ofMillis(50),
                Duration.ofSeconds(2), clock);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> holding = pool.submit(() -> bounded.encode("Secret#1"));
            await().atMost(Duration.ofSeconds(5)).until(() -> gated.inside.get() == 1);

            assertThatThrownBy(() -> bounded.matches("Secret#2", "hash:Secret#2"))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.reason()).isEqualTo(PasswordHashingReason.HASHING_BUSY);
                        assertThat(refusal.reason().kind().httpStatus()).isEqualTo(503);
                        assertThat(refusal.details()).containsEntry("retryAt", Instant.parse("2026-03-02T08:00:02Z"));
                    });
            assertThat(gated.most.get()).isEqualTo(1);

            gated.finish.release(2);
            assertThat(holding.get()).isEqualTo("hash:Secret#1");
            assertThat(bounded.matches("Secret#2", "hash:Secret#2")).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
