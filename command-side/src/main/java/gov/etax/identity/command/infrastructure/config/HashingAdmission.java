package gov.etax.identity.command.infrastructure.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The door of the requests that hash a password (a password sign-in, a registration, a password
 * reset or change). {@link BoundedPasswordEncoder} refuses a hash that gets no permit within
 * {@code maxWait}, but by then the request has done all its work before the hash (look-ups, the
 * account lock check, the face token's inspection) and waited the whole {@code maxWait} for
 * nothing. Here a request is refused at once, before any of that, when the requests already
 * admitted and still waiting for a permit could not all get one within {@code maxWait}: with
 * {@code concurrentHashes} permits each turning over once per hash, that is
 * {@code concurrentHashes × maxWait / hash time} of them. The hash time is a moving average of the
 * hashes measured so far; until the first is measured every request is admitted.
 *
 * <p>A request stops counting once its hash gets a permit or is refused one
 * ({@link #reachedPermit()}, called by the encoder on the request's thread), or when it ends
 * without hashing (an unknown account, a wrong SMS code checked first).
 */
public class HashingAdmission {

    /** Weight of the newest hash in the moving average: about the last ten hashes count. */
    private static final double NEWEST_WEIGHT = 0.1;

    private final int concurrentHashes;
    private final Duration maxWait;
    private final long maxWaitNanos;
    private final Duration retryAfter;
    private final Clock clock;
    private final AtomicInteger waiting = new AtomicInteger();
    /** TRUE while this thread's request is admitted and counted; FALSE once its hash reached a permit. */
    private final ThreadLocal<Boolean> counted = new ThreadLocal<>();
    private volatile double hashNanos;

    public HashingAdmission(int concurrentHashes, Duration maxWait, Duration retryAfter, Clock clock) {
        this.concurrentHashes = Math.max(1, concurrentHashes);
        this.maxWait = maxWait;
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /**
     * Runs a request that will hash a password, or refuses it with 503 HASHING_BUSY before it does
     * anything; a request nested in one already admitted runs as part of it.
     */
    public <T> T admitted(Supplier<T> request) {
        if (counted.get() != null) {
            return request.get();
        }
        if (waiting.incrementAndGet() > limit()) {
            waiting.decrementAndGet();
            throw PasswordHashingReason.HASHING_BUSY.refusal().with("retryAt", clock.instant().plus(retryAfter));
        }
        counted.set(Boolean.TRUE);
        try {
            return request.get();
        } finally {
            reachedPermit();
            counted.remove();
        }
    }

    /** Runs {@code request} through {@link #admitted} when it hashes, as it is otherwise. */
    public <T> T admittedIf(boolean hashes, Supplier<T> request) {
        return hashes ? admitted(request) : request.get();
    }

    /** This thread's request no longer waits for a permit: it has one, or was refused one. */
    void reachedPermit() {
        if (Boolean.TRUE.equals(counted.get())) {
            counted.set(Boolean.FALSE);
            waiting.decrementAndGet();
        }
    }

    /** A hash took {@code wallNanos} from its permit to its end. */
    void hashed(long wallNanos) {
        double average = hashNanos;
        hashNanos = average == 0 ? wallNanos : average + NEWEST_WEIGHT * (wallNanos - average);
    }

    /** How many admitted requests may wait for a permit at once; unbounded until a hash was measured. */
    int limit() {
        double average = hashNanos;
        if (average == 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(concurrentHashes, concurrentHashes * (maxWaitNanos / average));
    }

    /** Hashes at once: one permit each (the encoder's bound). */
    public int concurrentHashes() {
        return concurrentHashes;
    }

    /** How long a hash may wait for its permit before it is refused (the encoder's bound). */
    public Duration maxWait() {
        return maxWait;
    }

    /** When a refused caller should come back. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Admitted requests that have not reached a permit yet. */
    int waiting() {
        return waiting.get();
    }
}
