package gov.etax.identity.kernel.persistence;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being away or too slow (no connection within the pool's
 * timeout, a broken connection, a statement or idle transaction cut off by its bound, the server
 * shutting down) from every other failure. Both applications answer such a failure with 503
 * {@link #CODE} and {@code Retry-After}: the caller's request was fine and nothing was stored.
 */
public final class DatabaseOutage {

    public static final String CODE = "DATABASE_UNAVAILABLE";
    public static final String MESSAGE = "The database is not answering; nothing was stored. Try again shortly.";
    public static final String MESSAGE_ZH = "系统繁忙，请稍后重试";
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * SQL states: class 08 connection exceptions; 57014 statement cancelled (statement_timeout);
     * 57P01-57P03 server shutting down or not yet accepting; 25P03 idle_in_transaction_session_timeout;
     * 53300 too many connections.
     */
    private static final Set<String> STATES = Set.of("57014", "57P01", "57P02", "57P03", "25P03", "53300");

    private DatabaseOutage() {
    }

    /** Whether the database's absence or slowness is somewhere in the failure's causes. */
    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
