package gov.etax.identity.command.infrastructure.config;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two command-side nodes changing one aggregate at once: the second append fails on the event
 * table's unique (aggregate, sequence) key. Running the command again on the fresh state gives the
 * answer it would have had one moment later (accepted, or refused by a rule). Only that conflict is
 * retried; a refusal is final and never re-run.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long intervalMillis;

    public ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        executor.schedule(dispatchTask, intervalMillis * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
