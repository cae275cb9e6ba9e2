package gov.etax.identity.query.support;

import gov.etax.identity.command.support.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The query side's read-model tables of a test database, read whole for row-by-row comparisons. */
public final class ReadModels {

    /** Not read models: Axon's tokens and dead letters, and Flyway's history. */
    public static final Set<String> NOT_READ_MODELS = Set.of("tokenentry", "deadletterentry", "flyway_history_query");

    private ReadModels() {
    }

    /** Every base table of the database's current schema. */
    public static Set<String> tables(PostgresTestDatabase database) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** The read-model tables: those the query side added to the command side's, less tokens and Flyway's history. */
    public static Set<String> readModelTables(Set<String> withQuerySide, Set<String> commandSideOnly) {
        Set<String> readModels = new TreeSet<>(withQuerySide);
        readModels.removeAll(commandSideOnly);
        readModels.removeAll(NOT_READ_MODELS);
        return readModels;
    }

    /** Every row of the given tables in primary-key order, every column. */
    public static Map<String, List<String>> snapshot(PostgresTestDatabase database, Set<String> tables) throws SQLException {
        Map<String, List<String>> snapshot = new TreeMap<>();
        try (Connection connection = database.connect()) {
            for (String table : tables) {
                List<String> order = primaryKey(connection, table);
                String sql = "SELECT * FROM " + table + " ORDER BY "
                        + (order.isEmpty() ? allColumns(connection, table) : String.join(", ", order));
                List<String> rows = new ArrayList<>();
                try (ResultSet result = connection.createStatement().executeQuery(sql)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnName(i), result.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                snapshot.put(table, rows);
            }
        }
        return snapshot;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT k.column_name "
                + "FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k "
                + "ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name "
                + "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() AND c.table_name = ? "
                + "ORDER BY k.ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static String allColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return String.join(", ", columns);
    }
}
