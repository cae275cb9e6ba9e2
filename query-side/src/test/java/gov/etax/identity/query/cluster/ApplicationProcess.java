package gov.etax.identity.query.cluster;

import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.support.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application started from its exec jar as a separate JVM on a fixed loopback port, its output
 * in a log file. {@link #kill()} is SIGKILL: no shutdown hook, no graceful shutdown, no commit.
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final HttpJson http;

    private ApplicationProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.http = new HttpJson("http://127.0.0.1:" + port);
    }

    /** @param jvmOptions besides {@code -Xmx512m}, the heap limit every node runs with */
    static ApplicationProcess start(String name, Path jar, int port, Path logs, Map<String, String> environment,
                                    String... jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn verify` (or `make cluster`), which packages it first");
        }
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-Xmx512m"));
            command.addAll(List.of(jvmOptions));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return new ApplicationProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Until the health endpoint answers UP; fails at once when the process stopped. */
    ApplicationProcess awaitHealthy(Duration atMost) {
        await(name + " healthy on " + port).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped with exit code " + process.exitValue() + "; see " + log);
            }
            try {
                return http.get("/actuator/health").status() == 200;
            } catch (IllegalStateException notListeningYet) {
                return false;
            }
        });
        return this;
    }

    String name() {
        return name;
    }

    HttpJson http() {
        return http;
    }

    Path log() {
        return log;
    }

    /**
     * The owner Axon writes into {@code tokenentry} for this node's claims: by default the JVM's
     * runtime name, {@code <pid>@<host>}.
     */
    boolean owns(String tokenOwner) {
        return tokenOwner != null && tokenOwner.startsWith(process.pid() + "@");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux; waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", pid " + process.pid() + ")";
    }
}
