package gov.etax.identity.query.infrastructure.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Empties a projection's read model when it is replayed, in the reset's transaction. PostgreSQL
 * truncates: a {@code DELETE} of a few hundred thousand rows outlasts the transaction timeout and leaves
 * the table full of dead rows for the replay to skip. H2's {@code TRUNCATE} would commit the open
 * transaction (the token reset with it), so H2 deletes.
 */
@Component
public class ReadModelTables {

    private final JdbcTemplate jdbc;
    private final boolean h2;

    public ReadModelTables(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.h2 = Upserts.isH2(dataSource);
    }

    /** Empties these tables; tables referring to others come first. */
    public void empty(String... tables) {
        if (h2) {
            List.of(tables).forEach(table -> jdbc.update("DELETE FROM " + table));
        } else {
            jdbc.update("TRUNCATE TABLE " + String.join(", ", tables));
        }
    }
}
