package gov.etax.identity.query.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Insert-or-overwrite statements for the projections, in the dialect of the database at hand, chosen
 * once at start-up (docs/adr/0003-upserts-per-dialect.md). PostgreSQL gets {@code INSERT … ON CONFLICT …
 * DO UPDATE}, atomic under concurrent writers of one key; H2 (the embedded database of {@code make run})
 * has no {@code ON CONFLICT … DO UPDATE} and gets its {@code MERGE … KEY}, which behaves the same:
 * the row is inserted, or every listed column other than the key is overwritten.
 */
@Component
public class Upserts {

    private final boolean h2;

    public Upserts(DataSource dataSource) {
        this.h2 = isH2(dataSource);
    }

    /**
     * @param table   the table written
     * @param key     its primary key's columns, comma-separated
     * @param columns every column written (key included), comma-separated; each takes one {@code ?}
     */
    public String overwrite(String table, String key, String columns) {
        List<String> all = split(columns);
        String values = all.stream().map(column -> "?").collect(Collectors.joining(", "));
        if (h2) {
            return "MERGE INTO " + table + " (" + String.join(", ", all) + ") KEY (" + key + ") VALUES (" + values + ")";
        }
        List<String> keyColumns = split(key);
        String updates = all.stream().filter(column -> !keyColumns.contains(column))
                .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (" + values + ") ON CONFLICT ("
                + key + ") DO UPDATE SET " + updates;
    }

    private static List<String> split(String columns) {
        return Arrays.stream(columns.split(",")).map(String::trim).toList();
    }

    static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the read models live in", e);
        }
    }
}
