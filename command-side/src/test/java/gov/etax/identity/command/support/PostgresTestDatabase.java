package gov.etax.identity.command.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database on the real PostgreSQL for one test class (127.0.0.1:5432, user postgres, trust;
 * override with TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER). Dropped again by {@link #close()}.
 *
 * <p>With the system property (or environment variable) {@code etax.test.database=h2} it is instead an
 * embedded H2 file under {@code target/h2-databases/}, opened with the same URL form as {@code make run}'s
 * default, so that one test proves both engines (the query side's second surefire run).
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final boolean H2 = "h2".equalsIgnoreCase(System.getProperty("etax.test.database",
            env("ETAX_TEST_DATABASE", "postgresql")));
    /** The options of {@code make run}'s embedded database (the applications' DB_URL default). */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";

    private final String name;
    private final String port;
    private final String user;

    private PostgresTestDatabase(String name) {
        this(name, PORT, USER);
    }

    private PostgresTestDatabase(String name, String port, String user) {
        this.name = name;
        this.port = port;
        this.user = user;
    }

    /** The same database reached through another local port (a {@code TcpProxy}); close the original, not this. */
    public PostgresTestDatabase throughPort(int localPort) {
        return new PostgresTestDatabase(name, Integer.toString(localPort), user);
    }

    /** The same database, connected to as another role; close the original, not this. */
    public PostgresTestDatabase as(String role) {
        return new PostgresTestDatabase(name, port, role);
    }

    public String name() {
        return name;
    }

    public static String serverHost() {
        return HOST;
    }

    public static int serverPort() {
        return Integer.parseInt(PORT);
    }

    public static PostgresTestDatabase create() {
        return create("etax_test_");
    }

    /** A fresh database whose name starts with the prefix, e.g. to tell a test's databases apart from others'. */
    public static PostgresTestDatabase create(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (!H2) {
            admin("CREATE DATABASE " + name);
        }
        return new PostgresTestDatabase(name);
    }

    /** Whether this run's databases are H2 files rather than PostgreSQL databases. */
    public static boolean isH2() {
        return H2;
    }

    public String url() {
        return H2 ? "jdbc:h2:file:" + h2Directory().resolve("etax").toAbsolutePath() + H2_OPTIONS
                : "jdbc:postgresql://" + HOST + ":" + port + "/" + name;
    }

    public String user() {
        return H2 ? "sa" : user;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
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
                "--spring.datasource.username=" + user(),
                "--spring.datasource.password=",
                // Tests that race logins share a busy machine; only PasswordHashingHttpTest means to be refused.
                "--etax.password-hashing.max-wait=30s"));
        for (String property : extraProperties) {
            args.add("--" + property);
        }
        // Every test talks from 127.0.0.1; only the tests of the per-client limits set real ones.
        for (String limit : List.of("sms-per-address", "sms-per-session", "sign-in-failures-per-address")) {
            String key = "etax.rate-limits." + limit + ".max";
            if (args.stream().noneMatch(arg -> arg.startsWith("--" + key + "="))) {
                args.add("--" + key + "=1000000");
            }
        }
        return args.toArray(String[]::new);
    }

    @Override
    public void close() {
        if (H2) {
            deleteH2Files();
        } else {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private Path h2Directory() {
        return Path.of("target", "h2-databases", name);
    }

    /** The applications have closed their pools by now, so H2 has closed the file. */
    private void deleteH2Files() {
        Path directory = h2Directory();
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one statement as the server's administrator, e.g. to create a role. */
    public static void admin(String sql) {
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
