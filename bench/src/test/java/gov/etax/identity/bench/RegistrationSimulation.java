package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;
import static gov.etax.identity.bench.Bench.appendRateAndLatencies;
import static gov.etax.identity.bench.Bench.percentile;
import static gov.etax.identity.bench.Bench.millis;
import static gov.etax.identity.bench.Bench.writeFigures;
import gov.etax.identity.kernel.person.DocumentNumber;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Registrations per second over HTTP at a fixed number of concurrent clients
 * (closed model), and the read-model lag measured under that load.
 *
 * <p>Two scenarios run side by side for {@code WARMUP + DURATION} seconds:
 * <ul>
 *   <li><b>load</b>: {@code USERS} virtual users, each asking the REGISTRATION code for its phone with
 *       its face token, reading it from the dev outbox, and posting {@code POST /api/persons/registrations};
 *       a finished user is replaced at once ({@code constantConcurrentUsers}).</li>
 *   <li><b>lag probe</b>: {@code LAG_PROBES} users that register the same way and then poll the query
 *       side's {@code GET /api/persons/{id}/account} with an AUDITOR token until it answers 200, then
 *       pause {@code LAG_PROBE_PAUSE_MS} (1 s) before the next, so that they sample the lag under the
 *       load without adding much of their own.</li>
 * </ul>
 * With {@code RATE} above 0 the load scenario is an open model instead: {@code RATE} new registrations
 * per second whatever the answers' speed (the target: "p99 under 50 ms at half the peak rate").
 * Only registrations answered inside the measured window (after the warm-up) count. The applicants'
 * face scans are done in {@code before()} on the dev simulator, {@code FACE_TOKENS} of them (by default
 * enough for 100 registrations per second): in production the face scan is the face verification
 * service's work, and the simulator standing in for it must not compete for the cores with the
 * system measured; an applicant beyond them scans first. The figures are
 * written as {@code key=value} lines to {@code BENCH_OUT}; Gatling's own HTML report covers the whole run.
 */
public class RegistrationSimulation extends Simulation {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final String QUERY_URL = env("QUERY_URL", "http://127.0.0.1:8081");
    private static final int USERS = Integer.parseInt(env("USERS", "16"));
    /** Registrations per second of an open model instead of USERS concurrent clients, when above 0. */
    private static final double RATE = Double.parseDouble(env("RATE", "0"));
    private static final int LAG_PROBES = Integer.parseInt(env("LAG_PROBES", "2"));
    private static final int WARMUP = Integer.parseInt(env("WARMUP", "10"));
    private static final int DURATION = Integer.parseInt(env("DURATION", "30"));
    private static final long SEED = Long.parseLong(env("SEED", "0"));
    private static final long POLL_PAUSE_MS = Long.parseLong(env("POLL_PAUSE_MS", "5"));
    private static final long LAG_GIVE_UP_MS = 10_000;
    private static final long LAG_PROBE_PAUSE_MS = Long.parseLong(env("LAG_PROBE_PAUSE_MS", "1000"));
    private static final Path OUT = Path.of(env("BENCH_OUT", "report/c" + USERS + ".properties"));

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int FACE_TOKENS = Integer.parseInt(env("FACE_TOKENS",
            String.valueOf(RATE > 0 ? (int) (RATE * (WARMUP + DURATION) * 1.2) + 50 : 100 * (WARMUP + DURATION))));
    /** Face tokens scanned before the run, by document number. */
    private static final Map<String, String> SCANNED = new ConcurrentHashMap<>();

    /** Completion instants (ms since start) and latencies of successful load registrations. */
    private static final ConcurrentLinkedQueue<long[]> REGISTRATIONS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<long[]> LAGS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong FAILED = new AtomicLong();
    /** Refused with 503 HASHING_BUSY: every hashing permit was taken longer than the bounded wait. */
    private static final AtomicLong BUSY = new AtomicLong();
    private static final AtomicLong LAG_TIMEOUTS = new AtomicLong();
    private static volatile long startedAt;
    private static volatile LoadCpu cpu;
    private static volatile String auditorToken;

    /** A distinct, valid resident identity number (GB 11643 check digit) for every n below 20 million. */
    static String residentIdNumber(long n) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        String body = "360102" + birth.toString().replace("-", "") + String.format("%03d", (n / 20_000) % 1000);
        return body + DocumentNumber.gb11643CheckCharacter(body);
    }

    static String phone(long n) {
        return "139" + String.format("%08d", n % 100_000_000L);
    }

    private static final Iterator<Map<String, Object>> APPLICANTS = Stream.generate(() -> {
        long n = SEED + SEQUENCE.getAndIncrement();
        return Map.<String, Object>of("documentNumber", residentIdNumber(n), "phone", phone(n));
    }).iterator();

    private static long sinceStart() {
        return System.currentTimeMillis() - startedAt;
    }

    private final HttpProtocolBuilder protocol = http
            .baseUrl(COMMAND_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    /** Sending a request again that was refused busy (503 HASHING_BUSY), at most this many times. */
    static final int BUSY_RETRIES = 5;

    /**
     * The applicant's face scan and REGISTRATION code, then the registration; a registration refused
     * busy is sent again, the same, after Retry-After (1 s), as a client should: nothing of it was
     * spent. Each refusal counts as busy; {@code registrationStatus} is the last answer's.
     */
    private static ChainBuilder register(String name) {
        return feed(APPLICANTS)
                .exec(session -> {
                    String scanned = SCANNED.remove(session.getString("documentNumber"));
                    return scanned == null ? session.remove("faceToken") : session.set("faceToken", scanned);
                })
                .doIf(session -> !session.contains("faceToken")).then(exec(http("face scan").post("/api/dev/face-scans")
                        .body(StringBody("{\"documentType\":\"RESIDENT_IDENTITY_CARD\","
                                + "\"documentNumber\":\"#{documentNumber}\",\"outcome\":\"PASSED\"}"))
                        .check(status().is(201), jsonPath("$.token").saveAs("faceToken"))))
                // LOGIN-2: the REGISTRATION code sent to the phone, read from the dev outbox.
                .exec(http("registration code").post("/api/sms-challenges")
                        .body(StringBody("{\"phone\":\"#{phone}\",\"purpose\":\"REGISTRATION\","
                                + "\"faceVerificationToken\":\"#{faceToken}\"}"))
                        .check(status().is(202)))
                .exec(http("sms outbox").get("/api/dev/sms?phone=#{phone}")
                        .check(status().is(200), regex("验证码为(\\d{6})").saveAs("smsCode")))
                .exitHereIfFailed()
                .exec(submit(name))
                .exec(session -> session.set("busyRetries", 0))
                .asLongAs(session -> session.getInt("registrationStatus") == 503
                        && session.getInt("busyRetries") < BUSY_RETRIES).on(
                        exec(session -> {
                            BUSY.incrementAndGet();
                            return session.set("busyRetries", session.getInt("busyRetries") + 1);
                        })
                        .pause(Duration.ofSeconds(1))
                        .exec(submit(name)));
    }

    private static HttpRequestActionBuilder submit(String name) {
        return http(name).post("/api/persons/registrations")
                .body(StringBody("{\"documentType\":\"RESIDENT_IDENTITY_CARD\","
                        + "\"documentNumber\":\"#{documentNumber}\",\"name\":\"王小明\","
                        + "\"phone\":\"#{phone}\",\"password\":\"Secret#2024\","
                        + "\"faceVerificationToken\":\"#{faceToken}\",\"smsCode\":\"#{smsCode}\"}"))
                .check(status().saveAs("registrationStatus"), status().in(201, 503),
                        responseTimeInMillis().saveAs("latency"))
                .checkIf((response, session) -> response.status().code() == 201)
                .then(jsonPath("$.personId").saveAs("personId"));
    }

    private static ChainBuilder feed(Iterator<Map<String, Object>> feeder) {
        return io.gatling.javaapi.core.CoreDsl.feed(feeder);
    }

    private final ScenarioBuilder load = scenario("registrations")
            .exec(register("register"))
            .exec(session -> {
                if (!session.isFailed() && session.getInt("registrationStatus") == 201) {
                    REGISTRATIONS.add(new long[] {sinceStart(), session.getLong("latency")});
                } else if (!session.isFailed() && session.getInt("registrationStatus") == 503) {
                    // still busy after every retry
                    BUSY.incrementAndGet();
                } else {
                    FAILED.incrementAndGet();
                }
                return session;
            });

    private final ScenarioBuilder lagProbe = scenario("read-model lag")
            .exec(register("register (lag probe)"))
            .exitHereIfFailed()
            .exitHereIf(session -> session.getInt("registrationStatus") != 201)
            .exec(session -> session.set("answeredAt", System.nanoTime()).set("visible", false))
            .group("read-model lag").on(
                    asLongAs(session -> !session.getBoolean("visible")
                            && System.nanoTime() - session.getLong("answeredAt") < LAG_GIVE_UP_MS * 1_000_000L)
                            .on(exec(http("account on the query side")
                                    .get(QUERY_URL + "/api/persons/#{personId}/account")
                                    .header("Authorization", session -> "Bearer " + auditorToken)
                                    .check(status().in(200, 404).saveAs("accountStatus")))
                                    .exec(session -> {
                                        if (session.getInt("accountStatus") == 200) {
                                            long lagMicros = (System.nanoTime() - session.getLong("answeredAt")) / 1000;
                                            LAGS.add(new long[] {sinceStart(), lagMicros});
                                            return session.set("visible", true);
                                        }
                                        return session;
                                    })
                                    .doIf(session -> !session.getBoolean("visible"))
                                    .then(exec(io.gatling.javaapi.core.CoreDsl.pause(Duration.ofMillis(POLL_PAUSE_MS))))))
            .exec(session -> {
                if (!session.getBoolean("visible")) {
                    LAG_TIMEOUTS.incrementAndGet();
                }
                return session;
            })
            // A probe samples the lag; it must not add load of its own: about one registration per
            // probe per LAG_PROBE_PAUSE_MS, which the figures do not count.
            .pause(Duration.ofMillis(LAG_PROBE_PAUSE_MS));

    {
        Duration total = Duration.ofSeconds(WARMUP + DURATION);
        setUp(
                RATE > 0
                        ? load.injectOpen(constantUsersPerSec(RATE).during(total))
                        : load.injectClosed(constantConcurrentUsers(USERS).during(total)),
                lagProbe.injectClosed(constantConcurrentUsers(LAG_PROBES).during(total)))
                .protocols(protocol);
    }

    @Override
    public void before() {
        auditorToken = staffToken("AUDITOR");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> scans = new ArrayList<>();
            for (int i = 0; i < FACE_TOKENS; i++) {
                String document = residentIdNumber(SEED + i);
                scans.add(pool.submit(() -> new String[] {document, Bench.faceToken(COMMAND_URL, document)}));
            }
            for (Future<String[]> scan : scans) {
                String[] scanned = scan.get();
                SCANNED.put(scanned[0], scanned[1]);
            }
        } catch (Exception e) {
            throw new IllegalStateException("face scans before the run failed", e);
        } finally {
            pool.shutdownNow();
        }
        startedAt = System.currentTimeMillis();
        cpu = new LoadCpu(WARMUP, DURATION);
    }

    private static String staffToken(String role) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                    .uri(URI.create(COMMAND_URL + "/api/dev/staff-tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"staffId\":\"bench-auditor\",\"name\":\"基准测试\",\"role\":\"" + role + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 201 || !token.find()) {
                throw new IllegalStateException("staff token answered " + response.statusCode() + ": " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void after() {
        long from = WARMUP * 1000L;
        List<Long> latencies = Bench.inWindow(REGISTRATIONS, from, (WARMUP + DURATION) * 1000L);
        // A lag is sampled after its registration, so one measured late in the window may end after it.
        List<Long> lags = Bench.inWindow(LAGS, from, Long.MAX_VALUE);
        StringBuilder out = new StringBuilder();
        out.append("users=").append(RATE > 0 ? "open" : String.valueOf(USERS)).append('\n');
        out.append("rate=").append(RATE).append('\n');
        out.append("lag_probes=").append(LAG_PROBES).append('\n');
        out.append("window_s=").append(DURATION).append('\n');
        appendRateAndLatencies(out, "registrations", latencies, FAILED.get(), BUSY.get(), DURATION);
        cpu.append(out, latencies.size());
        out.append("lag_samples=").append(lags.size()).append('\n');
        out.append("lag_timeouts=").append(LAG_TIMEOUTS.get()).append('\n');
        out.append("lag_p50_ms=").append(millis(percentile(lags, 50))).append('\n');
        out.append("lag_p99_ms=").append(millis(percentile(lags, 99))).append('\n');
        out.append("lag_max_ms=").append(millis(lags.isEmpty() ? -1 : lags.get(lags.size() - 1))).append('\n');
        writeFigures(OUT, "bench", out);
    }
}
