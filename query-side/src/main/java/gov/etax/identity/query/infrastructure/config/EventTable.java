package gov.etax.identity.query.infrastructure.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event table belongs to the command side, whose Flyway creates it. Started together (make run),
 * the query side waits here until it exists rather than failing, or starting processors that would
 * back off for up to a minute after their first failed read.
 */
final class EventTable {

    private static final Logger log = LoggerFactory.getLogger(EventTable.class);

    private EventTable() {
    }

    static void awaitCreated(ConnectionProvider connections, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        boolean told = false;
        while (true) {
            try (Connection connection = connections.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT 1 FROM domainevententry WHERE 1 = 0").close();
                if (told) {
                    log.info("The event store's table is there; going on");
                }
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("No event table (domainevententry) after " + patience
                            + ": start the command side, which creates it, on the same database", e);
                }
                if (!told) {
                    log.info("Waiting for the command side to create the event store's table ({})", e.getMessage());
                    told = true;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the event table", e);
            }
        }
    }
}
