package gov.etax.identity.command.infrastructure.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id is slow and memory-hungry on purpose. Run unbounded, every request thread hashes at
 * once and all of them finish late; bounded to about one hash per core, each finishes in its own
 * time and the others wait their turn. A turn that does not come within {@code maxWait} is
 * refused at once (503 HASHING_BUSY with Retry-After) rather than queued into seconds of latency
 * (docs/performance.md, "Password hashing").
 */
public class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long maxWaitNanos;
    private final Duration retryAfter;
    private final Clock clock;

    public BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes, Duration maxWait, Duration retryAfter,
                                  Clock clock) {
        this.delegate = delegate;
        this.permits = new Semaphore(Math.max(1, concurrentHashes), true);
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    /** The encoder that hashes: native or the pure-Java fallback (the log at start says which). */
    public PasswordEncoder delegate() {
        return delegate;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw PasswordHashingReason.HASHING_BUSY.refusal().with("retryAt", clock.instant().plus(retryAfter));
        }
    }
}
