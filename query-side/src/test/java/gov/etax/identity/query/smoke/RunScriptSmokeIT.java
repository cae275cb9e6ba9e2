package gov.etax.identity.query.smoke;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.logInForEnterprise;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The product as a new user meets it: {@code scripts/run.sh} itself, started as a child process on
 * free ports with a data directory of its own, driven over real HTTP through registration, sign-in,
 * an enterprise and its tax officer, the account center and logout; then stopped with SIGTERM, after
 * which none of its JVMs may be left. Once on the embedded H2 default of {@code make run}, once on
 * a fresh PostgreSQL database. Needs the exec jars, so it runs after {@code package} (failsafe).
 */
class RunScriptSmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("smoke.root", "..")).toAbsolutePath().normalize();
    /** A first start archives classes first (run.sh), and the machine may be busy: as patient as run.sh. */
    private static final Duration START = Duration.ofMinutes(10);
    private static final Duration PROJECTION_LAG = Duration.ofSeconds(30);

    @Test
    @DisplayName("make run's default: run.sh on an embedded H2 file, any ports, class-data archive made and used")
    void onH2() throws Exception {
        smoke("h2", Map.of());
    }

    @Test
    @DisplayName("run.sh on PostgreSQL (DB_URL), any ports")
    void onPostgreSQL() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("etax_smoke_")) {
            // The class-data archive is proven on H2 (make run's way); here the exec jars start as they are.
            smoke("postgresql", Map.of("DB_URL", database.url(), "DB_USER", database.user(), "DB_PASSWORD", "",
                    "ETAX_CDS", "false"));
        }
    }

    private static void smoke(String name, Map<String, String> database) throws Exception {
        int commandPort = freePort();
        int queryPort = freePort();
        Path dataDir = ROOT.resolve("query-side/target/smoke/" + name);
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/run.sh").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("run.sh.log").toFile());
        Map<String, String> environment = builder.environment();
        List.of("DB_URL", "DB_USER", "DB_PASSWORD", "ETAX_SESSION_JWKS_URI", "SPRING_PROFILES_ACTIVE")
                .forEach(environment::remove);
        environment.putAll(database);
        environment.put("COMMAND_PORT", String.valueOf(commandPort));
        environment.put("QUERY_PORT", String.valueOf(queryPort));
        environment.put("ETAX_DATA_DIR", dataDir.toString());
        environment.put("ETAX_JAVA_OPTS", "-Xmx384m");

        Process runScript = builder.start();
        List<ProcessHandle> jvms = new ArrayList<>();
        try {
            HttpJson command = new HttpJson("http://127.0.0.1:" + commandPort);
            HttpJson query = new HttpJson("http://127.0.0.1:" + queryPort);
            await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!runScript.isAlive()) {
                    throw new IllegalStateException("run.sh stopped: " + Files.readString(dataDir.resolve("run.sh.log")));
                }
                return up(command) && up(query);
            });
            runScript.descendants().forEach(jvms::add);
            if (!database.containsKey("ETAX_CDS")) {
                assertThat(dataDir.resolve("cds/command-side.jsa")).isRegularFile();
                assertThat(dataDir.resolve("cds/query-side.jsa")).isRegularFile();
            }
            assertThat(jvms).as("both JVMs are children of run.sh").hasSizeGreaterThanOrEqualTo(2);

            story(command, query);
        } finally {
            runScript.destroy(); // SIGTERM: run.sh's trap stops both JVMs
            boolean stopped = runScript.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            jvms.forEach(jvm -> { // leave nothing behind even when the script misbehaved
                if (jvm.isAlive() && !stopped) {
                    jvm.destroyForcibly();
                }
            });
            assertThat(stopped).as("run.sh ends on SIGTERM").isTrue();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(jvms).as("no JVM of run.sh outlives it").noneMatch(ProcessHandle::isAlive));
    }

    private static void story(HttpJson command, HttpJson query) {
        // A person registers with a (dev) face scan and signs in with an SMS code from the dev outbox.
        Person legalRepresentative = registered(command);
        String token = logIn(command, legalRepresentative.phone(), "Secret#2024");
        HttpJson mine = query.as(token);
        JsonNode account = await().atMost(PROJECTION_LAG)
                .until(() -> mine.get("/api/me/account"), response -> response.status() == 200).body();
        assertThat(account.get("personId").asText()).isEqualTo(legalRepresentative.personId());

        // Tax staff confirm an enterprise's tax information (REG-1), naming the person its legal
        // representative (ACC-3), who then acts for it and nominates a second person as tax officer (ACC-5).
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(command.as(staffToken(command, "TAX_STAFF")), uscc,
                "江西冒烟测试有限公司", legalRepresentative, null);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        HttpJson asEnterprise = command.as(logInForEnterprise(command, legalRepresentative.phone(), "Secret#2024", uscc,
                "LEGAL_REPRESENTATIVE"));
        Person officer = registered(command);
        HttpJson.Response nominated = nominate(asEnterprise, uscc, officer, "TAX_OFFICER",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString());
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        String authorizationId = nominated.text("authorizationId");

        // The officer confirms with a face scan (the session was opened by SMS code).
        String officerToken = logIn(command, officer.phone(), "Secret#2024");
        HttpJson.Response confirmation = command.as(officerToken).post("/api/authorizations/" + authorizationId
                + "/confirmation", Map.of("faceVerificationToken",
                faceToken(command, "RESIDENT_IDENTITY_CARD", officer.document(), "PASSED")));
        assertThat(confirmation.status()).as(confirmation.raw()).isEqualTo(200);

        HttpJson officerView = query.as(officerToken);
        JsonNode enterprise = await().atMost(PROJECTION_LAG).until(() -> officerView.get("/api/me/enterprises"),
                response -> response.status() == 200 && response.body().get("items").size() == 1).body().get("items").get(0);
        assertThat(enterprise.get("uscc").asText()).isEqualTo(uscc);
        assertThat(enterprise.get("role").asText()).isEqualTo("TAX_OFFICER");
        HttpJson.Response staff = query.as(logInForEnterprise(command, legalRepresentative.phone(), "Secret#2024", uscc,
                "LEGAL_REPRESENTATIVE")).get("/api/enterprises/" + uscc + "/staff");
        assertThat(staff.status()).as(staff.raw()).isEqualTo(200);
        assertThat(staff.raw()).contains(authorizationId);

        // ACC-10: the officer hides one of his history records.
        String recordId = await().atMost(PROJECTION_LAG).until(() -> officerView.get("/api/me/history?limit=100"),
                response -> response.status() == 200 && response.body().get("items").size() > 0)
                .body().get("items").get(0).get("recordId").asText();
        HttpJson.Response cleared = command.as(officerToken).post("/api/me/history/" + recordId + "/clear", Map.of());
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        await().atMost(PROJECTION_LAG).until(() -> !officerView.get("/api/me/history?limit=100").raw().contains(recordId));

        // LOGIN-5: after logout the token works on neither side.
        assertThat(command.as(officerToken).delete("/api/sessions/current").status()).isEqualTo(204);
        await().atMost(PROJECTION_LAG).until(() -> officerView.get("/api/me/account").status() == 401);
        assertThat(command.as(officerToken).post("/api/me/history/" + recordId + "/clear", Map.of()).status())
                .isEqualTo(401);
    }

    private static boolean up(HttpJson side) {
        try {
            HttpJson.Response health = side.get("/actuator/health");
            return health.status() == 200 && "UP".equals(health.text("status"));
        } catch (RuntimeException notListeningYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
