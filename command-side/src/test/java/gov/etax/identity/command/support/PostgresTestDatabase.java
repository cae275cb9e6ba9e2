package gov.etax.identity.command.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database on the real PostgreSQL for one test class (127.0.0.1:5432, user postgres, trust;
 * override with TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER). Dropped again by {@link #close()}.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    public static PostgresTestDatabase create() {
        return create("etax_test_");
    }

    /** A fresh database whose name starts with the prefix, e.g. to tell a test's databases apart from others'. */
    public static PostgresTestDatabase create(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return new PostgresTestDatabase(name);
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public String user() {
        return USER;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /**
     * Command-line arguments that point an application at this database on a random port; they
     * outrank the DB_URL defaults in the applications' own configuration files. The dev profile
     * (simulators, generated keys shared by both sides of one test JVM) unless the extra
     * properties choose the profiles themselves.
     */
    public String[] commandLine(String... extraProperties) {
        List<String> args = new ArrayList<>(List.of(productionCommandLine(extraProperties)));
        if (Arrays.stream(extraProperties).noneMatch(property -> property.startsWith("spring.profiles.active="))) {
            args.addAll(DEV_PROFILE);
        }
        return args.toArray(String[]::new);
    }

    /** The dev profile with its key ring under the module's target directory, away from `make run`'s. */
    public static final List<String> DEV_PROFILE = List.of("--spring.profiles.active=dev", "--etax.dev.key-dir=target/dev-keys");

    /** Like {@link #commandLine} without any profile: production rules, keys and services from the properties. */
    public String[] productionCommandLine(String... extraProperties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=",
                // Tests that race logins share a busy machine; only PasswordHashingHttpTest means to be refused.
                "--etax.password-hashing.max-wait=30s"));
        for (String property : extraProperties) {
            args.add("--" + property);
        }
        return args.toArray(String[]::new);
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is needed for this test (make test starts it): "
                    + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
