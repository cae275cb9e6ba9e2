package gov.etax.identity.query.infrastructure.config;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures park an event. A fault of the event or of the projection (a refused row, a bug) parks
 * it: handling it again unchanged would fail again. A fault of the moment (the database away, a
 * deadlock, the batch's transaction timed out) does not: it would park every event that happened to
 * be handled meanwhile. For those the policy rethrows, so the whole batch rolls back and the processor
 * handles it again after its back-off, nothing parked and nothing skipped.
 */
class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (ofTheMoment(cause)) {
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("transient failure; the batch is handled again", cause);
        }
        // The first 1023 characters of the cause (Axon would keep all of it): enough to see what failed.
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    static boolean ofTheMoment(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
