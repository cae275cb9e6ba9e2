package gov.etax.identity.command.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
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
}
