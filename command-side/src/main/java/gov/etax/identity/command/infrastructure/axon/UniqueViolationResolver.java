package gov.etax.identity.command.infrastructure.axon;

import java.sql.SQLException;
import java.util.Set;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append lost a race (so it raises a ConcurrencyException, which the command
 * gateway retries). PostgreSQL reports the unique violation as SQLState 23505, at times only inside
 * a batch's next exception, and with vendor code 0, which Axon's error-code resolver misses.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final Set<String> UNIQUE_VIOLATION = Set.of("23505");

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return causedBySqlState(exception, UNIQUE_VIOLATION);
    }

    /** Whether a cause, or the next exception of a batch's cause, carries one of the SQLSTATEs. */
    static boolean causedBySqlState(Throwable failure, Set<String> states) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && states.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
