package gov.etax.identity.command.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A person's history as an auditor reads it: event types and JSON payloads from {@code domainevententry}. */
public final class EventLog {

    private EventLog() {
    }

    public record Entry(String type, String payload) {
    }

    public static List<Entry> of(PostgresTestDatabase database, String aggregateId) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT payloadtype, convert_from(payload, 'UTF8') "
                     + "FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, aggregateId);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    entries.add(new Entry(type.substring(type.lastIndexOf('.') + 1), rows.getString(2)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> types(PostgresTestDatabase database, String aggregateId) {
        return of(database, aggregateId).stream().map(Entry::type).toList();
    }

    /** The payload of the last event of this type in the person's history. */
    public static String last(PostgresTestDatabase database, String aggregateId, String type) {
        List<Entry> entries = of(database, aggregateId).stream().filter(e -> e.type().equals(type)).toList();
        if (entries.isEmpty()) {
            throw new AssertionError("no " + type + " in the history of " + aggregateId);
        }
        return entries.get(entries.size() - 1).payload();
    }

    /** Every payload of the whole event store, for checks that nothing secret or personal is in clear. */
    public static String everything(PostgresTestDatabase database) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT convert_from(payload, 'UTF8') FROM domainevententry ORDER BY globalindex");
             ResultSet rows = query.executeQuery()) {
            StringBuilder all = new StringBuilder();
            while (rows.next()) {
                all.append(rows.getString(1)).append('\n');
            }
            return all.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
