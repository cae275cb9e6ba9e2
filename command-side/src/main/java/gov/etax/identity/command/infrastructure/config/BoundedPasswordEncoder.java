package gov.etax.identity.command.infrastructure.config;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id is slow and memory-hungry on purpose. Run unbounded, every request thread hashes at
 * once and all of them finish late; bounded to about one hash per core, each finishes in its own
 * time and the others wait their turn. A turn that does not come within {@code maxWait} is
 * refused at once (503 HASHING_BUSY with Retry-After) rather than queued into seconds of latency
 * (docs/performance.md, "Password hashing"). The CPU time of each hash, on its own thread, goes to
 * {@code hashCpuNanos}: what a hash costs inside the application, beside everything else a request does.
 */
public class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long maxWaitNanos;
    private final Duration retryAfter;
    private final Clock clock;
    private final LongConsumer hashCpuNanos;
    private final HashingAdmission admission;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes, Duration maxWait, Duration retryAfter,
                                  Clock clock) {
        this(delegate, concurrentHashes, maxWait, retryAfter, clock, nanos -> { }, null);
    }

    /** Bounded as the admission of the requests that hash is: its permits, their wait and its Retry-After. */
    public BoundedPasswordEncoder(PasswordEncoder delegate, Clock clock, LongConsumer hashCpuNanos, HashingAdmission admission) {
        this(delegate, admission.concurrentHashes(), admission.maxWait(), admission.retryAfter(), clock, hashCpuNanos,
                admission);
    }

    /**
     * @param hashCpuNanos told the CPU time of every hash
     * @param admission the door of the requests that hash, told when a request's hash reaches its
     *                  permit and how long each hash took; null where requests are not admitted
     */
    public BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes, Duration maxWait, Duration retryAfter,
                                  Clock clock, LongConsumer hashCpuNanos, HashingAdmission admission) {
        this.delegate = delegate;
        this.hashCpuNanos = hashCpuNanos;
        this.admission = admission;
        this.permits = new Semaphore(Math.max(1, concurrentHashes), true);
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hash(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return hash(() -> delegate.matches(rawPassword, encodedPassword));
    }

    private <T> T hash(Supplier<T> hashing) {
        try {
            acquire();
        } finally {
            if (admission != null) {
                admission.reachedPermit();
            }
        }
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            return hashing.get();
        } finally {
            hashCpuNanos.accept(threads.getCurrentThreadCpuTime() - cpuBefore);
            if (admission != null) {
                admission.hashed(System.nanoTime() - start);
            }
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
