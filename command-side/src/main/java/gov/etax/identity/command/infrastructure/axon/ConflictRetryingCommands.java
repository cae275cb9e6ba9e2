package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command to an existing aggregate and, when another node changed that aggregate at the same
 * moment, sends it again so that it runs against the new state. On one node Axon's aggregate lock
 * serialises the two; across nodes both load the same version. A lost append on the event table's
 * unique (aggregate id, sequence) key is retried by the command gateway's retry scheduler; but the
 * race is often lost earlier, on a row the winner wrote in the same transaction (the relationship
 * row of {@code Relationships.bind}), which is a plain duplicate key to Spring. Those
 * are retried here, and an unknown aggregate becomes the caller's 404. The loser's retry meets
 * the rules with the winner's outcome and is refused plainly (e.g. 409 AUTHORIZATION_NOT_PENDING),
 * never a 500.
 */
@Component
public class ConflictRetryingCommands {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryingCommands.class);
    private static final int ATTEMPTS = 3;
    /** Unique violation, serialization failure, deadlock (PostgreSQL SQLSTATE). */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");

    private final CommandGateway gateway;
    private final AtomicLong conflictsMet = new AtomicLong();

    public ConflictRetryingCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * @param whenNotFound     the refusal when no aggregate has the command's target id
     * @param whenConflicting  the refusal when every attempt met a concurrent change
     */
    public <R> R send(Object command, Reason whenNotFound, Reason whenConflicting) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (RuntimeException e) {
                if (find(e, Refusal.class) != null) {
                    throw e;
                }
                if (find(e, AggregateNotFoundException.class) != null) {
                    throw whenNotFound.refusal();
                }
                if (!isConflict(e)) {
                    throw e;
                }
                conflictsMet.incrementAndGet();
                log.info("{} met a concurrent change (attempt {} of {}): {}", command.getClass().getSimpleName(), attempt,
                        ATTEMPTS, e.toString());
                if (attempt == ATTEMPTS) {
                    throw whenConflicting.refusal();
                }
            }
        }
    }

    /** How many sends met a concurrent change on this node since it started (each was sent again). */
    public long conflictsMet() {
        return conflictsMet.get();
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConcurrencyFailureException
                    || cause instanceof DuplicateKeyException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && CONFLICT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
