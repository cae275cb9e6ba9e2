package gov.etax.identity.command.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the event store of a test database as an auditor would: types and JSON payloads in order. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** The simple payload type names of one aggregate's events, in sequence order. */
    public static List<String> types(PostgresTestDatabase database, String aggregateId) {
        List<String> types = new ArrayList<>();
        for (String type : query(database, "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", aggregateId)) {
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types;
    }

    /** Payload and metadata of one aggregate's events as text, in sequence order. */
    public static List<String> payloads(PostgresTestDatabase database, String aggregateId) {
        return query(database, "SELECT convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(metadata, 'UTF8'), '') "
                + "FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber", aggregateId);
    }

    /** Every event of the given payload type (simple name), as JSON text, in global order. */
    public static List<String> ofType(PostgresTestDatabase database, String simpleType) {
        return query(database, "SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE payloadtype LIKE ? ORDER BY globalindex", "%." + simpleType);
    }

    private static List<String> query(PostgresTestDatabase database, String sql, String parameter) {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
