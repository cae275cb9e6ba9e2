package gov.etax.identity.command.support;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * A test class that talks real HTTP to one command-side node on a fresh PostgreSQL database of its
 * own. Its {@code @BeforeAll} starts them ({@link #startCommandSide}); they stop after the class.
 */
public abstract class CommandSideHttpTest {

    protected static PostgresTestDatabase database;
    protected static CommandSideNode node;
    protected static HttpJson http;

    /** @param clock the clock the rules read, or null for the system clock */
    protected static void startCommandSide(Clock clock) {
        database = PostgresTestDatabase.create();
        node = clock == null ? CommandSideNode.start(database) : CommandSideNode.start(database, clock);
        http = node.http();
    }

    /** @param singletons beans of the test's own in place of the application's replaceable ones */
    protected static void startCommandSide(Map<String, Object> singletons, String... extraProperties) {
        database = PostgresTestDatabase.create();
        node = CommandSideNode.start(database, singletons, extraProperties);
        http = node.http();
    }

    @AfterAll
    static void stopCommandSide() {
        if (node != null) {
            node.close();
            node = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        http = null;
    }
}
