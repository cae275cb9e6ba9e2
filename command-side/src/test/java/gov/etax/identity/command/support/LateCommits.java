package gov.etax.identity.command.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes chosen registrations commit late, in a test database only. A trigger on {@code domainevententry}
 * hands each inserted {@code NaturalPersonRegistered} the next armed gate, if any, and then waits for
 * that gate: an advisory lock this object holds on its own connection until {@link #release(int)}. The
 * transaction has then taken its global index but cannot commit, as if its commit were slow, for
 * exactly as long as the test wants and without sleeping.
 */
public final class LateCommits implements AutoCloseable {

    /** The advisory lock space of the gates (two-key locks never meet one-key locks). */
    private static final int GATES = 7101;

    private final Connection connection;

    private LateCommits(Connection connection) {
        this.connection = connection;
    }

    /** Installs the delaying trigger; the schema must have been migrated (a command node started). */
    public static LateCommits install(PostgresTestDatabase database) throws SQLException {
        Connection connection = database.connect();
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE late_commit_gate (id INT PRIMARY KEY, taken BOOLEAN NOT NULL DEFAULT false)");
            sql.execute("""
                    CREATE FUNCTION late_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE gate INT;
                    BEGIN
                        UPDATE late_commit_gate SET taken = true
                         WHERE id = (SELECT id FROM late_commit_gate WHERE NOT taken ORDER BY id
                                     LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id INTO gate;
                        IF gate IS NOT NULL THEN
                            PERFORM pg_advisory_xact_lock(%d, gate);
                        END IF;
                        RETURN NULL;
                    END $$""".formatted(GATES));
            sql.execute("CREATE TRIGGER late_commit AFTER INSERT ON domainevententry FOR EACH ROW "
                    + "WHEN (NEW.payloadtype LIKE '%NaturalPersonRegistered') EXECUTE FUNCTION late_commit()");
        }
        return new LateCommits(connection);
    }

    /** Closes a new gate: the next registration to insert its event waits there until {@link #release(int)}. */
    public int arm() throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet next = sql.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM late_commit_gate")) {
            next.next();
            int gate = next.getInt(1);
            sql.execute("SELECT pg_advisory_lock(" + GATES + ", " + gate + ")");
            sql.execute("INSERT INTO late_commit_gate (id) VALUES (" + gate + ")");
            return gate;
        }
    }

    public void release(int gate) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            sql.setInt(1, GATES);
            sql.setInt(2, gate);
            sql.execute();
        }
    }

    /** Sessions of this database waiting for an advisory lock: at a gate, or for their turn to append. */
    public int waiting() throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                     + "WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()")) {
            count.next();
            return count.getInt(1);
        }
    }

    /** Opens every gate still closed. */
    @Override
    public void close() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_advisory_unlock_all()");
        } finally {
            connection.close();
        }
    }
}
