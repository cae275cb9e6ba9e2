package gov.etax.identity.query.infrastructure.persistence;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read-model tables as a whole: emptied for an in-place replay, or given a second set for a rebuild.
 *
 * <p>An in-place replay (H2) empties them in the reset's transaction. PostgreSQL truncates: a {@code DELETE}
 * of a few hundred thousand rows outlasts the transaction timeout and leaves the table full of dead rows
 * for the replay to skip. H2's {@code TRUNCATE} would commit the open transaction (the token reset with
 * it), so H2 deletes.
 *
 * <p>A rebuild (PostgreSQL) writes empty copies in schema {@value #SHADOW}, which the rebuild's transactions
 * put first on their search path, and switches them in when it has caught up. The DDL runs in the functions
 * of {@code query-postgresql/V23__projection_rebuild.sql}, which the query side's role may call without
 * owning the tables.
 */
@Component
public class ReadModelTables {

    /** The schema of a rebuild's tables. */
    public static final String SHADOW = "etax_rebuild";

    private final JdbcTemplate jdbc;
    private final boolean h2;

    public ReadModelTables(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.h2 = Upserts.isH2(dataSource);
    }

    /** Whether a rebuild can write a second set of tables and switch it in within one transaction. */
    public boolean rebuildsAside() {
        return !h2;
    }

    /** Empty copies of these tables in {@value #SHADOW}, replacing copies left there before. */
    public void prepareShadow(List<String> tables) {
        jdbc.query("SELECT etax_rebuild_prepare(?::text[])", rs -> null, array(tables));
    }

    /** Drops the copies of these tables, if they exist. */
    public void discardShadow(List<String> tables) {
        jdbc.query("SELECT etax_rebuild_discard(?::text[])", rs -> null, array(tables));
    }

    /** The text-array literal of these names (plain lower-case identifiers). */
    public static String array(List<String> tables) {
        return "{" + String.join(",", tables) + "}";
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
