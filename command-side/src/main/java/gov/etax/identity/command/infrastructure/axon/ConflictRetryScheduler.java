package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.kernel.refusal.Refusal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The command gateway's one retry policy. Two nodes changing one aggregate at once: on one node
 * Axon's aggregate lock serialises them; across nodes both load the same version and the loser's
 * transaction fails, on the event table's unique (aggregate, sequence) key (a
 * {@link ConcurrencyException}) or earlier, on a row the winner wrote in the same transaction (a
 * look-up table's unique key, a serialization failure, a deadlock). Running the command again on the
 * new state gives the answer it would have had a moment later: accepted, or refused by a rule. Only
 * such conflicts are retried, a bounded number of times with a growing pause; a refusal is final and
 * never re-run. When the attempts run out, {@link RefusingCommandGateway} answers the target
 * aggregate's refusal.
 */
public class ConflictRetryScheduler implements RetryScheduler {

    /** The answer of {@link #delayBeforeRetry} when the command is not to be sent again. */
    static final long NO_RETRY = -1;

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);
    /** Unique violation, serialization failure, deadlock: the SQLSTATEs of PostgreSQL and of H2 alike. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long pauseMillis;
    private final AtomicLong conflictsMet = new AtomicLong();

    /**
     * @param maxRetries  how often a command is sent again at most (so it runs at most once more than that)
     * @param pauseMillis the pause before the first retry; the n-th waits n times as long
     */
    public ConflictRetryScheduler(ScheduledExecutorService executor, int maxRetries, long pauseMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        long delay = delayBeforeRetry(lastFailure, failures.size());
        if (isConflict(lastFailure)) {
            conflictsMet.incrementAndGet();
            // The class only: the message of a lost append quotes the whole statement, event payload included.
            log.info("{} met a concurrent change (attempt {} of {}): {}", commandMessage.getPayloadType().getSimpleName(),
                    failures.size(), maxRetries + 1, lastFailure.getClass().getName());
        }
        if (delay == NO_RETRY) {
            return false;
        }
        executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * @param failure  how the last attempt failed
     * @param attempts how many attempts failed so far, the last one included
     * @return milliseconds to wait before sending the command again, or {@link #NO_RETRY}
     */
    long delayBeforeRetry(Throwable failure, int attempts) {
        if (!isConflict(failure) || attempts > maxRetries) {
            return NO_RETRY;
        }
        return pauseMillis * attempts;
    }

    /** How many attempts met a concurrent change on this node since it started. */
    public long conflictsMet() {
        return conflictsMet.get();
    }

    /** A lost race with another transaction, anywhere in the causes; never a refusal. */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal) {
                return false;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConcurrencyFailureException
                    || cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return UniqueViolationResolver.causedBySqlState(failure, CONFLICT_STATES);
    }
}
