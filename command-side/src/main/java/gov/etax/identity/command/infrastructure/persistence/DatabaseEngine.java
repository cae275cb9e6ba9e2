package gov.etax.identity.command.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the command side writes to, asked once at start-up, for the statements that differ
 * between them (docs/adr/0003-upserts-per-dialect.md): PostgreSQL counts a window in one
 * {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}, which H2 (the embedded database of
 * {@code make run}) does not parse; H2 keeps the locked read-modify-write.
 */
@Component
public class DatabaseEngine {

    private final boolean postgres;

    public DatabaseEngine(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the command side writes to", e);
        }
    }

    /** PostgreSQL, with its {@code ON CONFLICT … DO UPDATE … WHERE} and data-modifying {@code WITH}. */
    public boolean postgres() {
        return postgres;
    }
}
