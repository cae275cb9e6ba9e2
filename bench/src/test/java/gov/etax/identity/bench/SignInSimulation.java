package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;
import static gov.etax.identity.bench.Bench.appendRateAndLatencies;
import static gov.etax.identity.bench.Bench.writeFigures;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-ins per second: {@code USERS} concurrent clients (closed model) or {@code RATE} new ones per
 * second (open model), each {@code POST /api/sessions} with document number, password and a fresh
 * face token. Every sign-in verifies the password with Argon2id once, and inspects and spends its
 * token. The accounts ({@code ACCOUNTS}) are registered in {@code before()}, not timed, and shared
 * round robin. The face tokens are scanned there too, on the dev simulator, {@code FACE_TOKENS} of
 * them (by default enough for 150 sign-ins per second): in production the face scan is the face
 * verification service's work, not this system's, and the simulator standing in for it must not
 * compete with the system measured for the cores; a client left without one scans first. Only the
 * sign-in request's latency counts, and only answers inside the measured window; 503 HASHING_BUSY
 * answers are counted apart as {@code busy}.
 */
public class SignInSimulation extends Simulation {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final int USERS = Integer.parseInt(env("USERS", "16"));
    private static final double RATE = Double.parseDouble(env("RATE", "0"));
    private static final int ACCOUNTS = Integer.parseInt(env("ACCOUNTS", "64"));
    private static final int WARMUP = Integer.parseInt(env("WARMUP", "10"));
    private static final int DURATION = Integer.parseInt(env("DURATION", "30"));
    private static final long SEED = Long.parseLong(env("SEED", "9000000"));
    private static final Path OUT = Path.of(env("BENCH_OUT", "report/signin-c" + USERS + ".properties"));
    private static final String PASSWORD = "Secret#2024";

    private static final int FACE_TOKENS = Integer.parseInt(env("FACE_TOKENS",
            String.valueOf(RATE > 0 ? (int) (RATE * (WARMUP + DURATION) * 1.2) + 50 : 150 * (WARMUP + DURATION))));

    private static final List<String> DOCUMENTS = Collections.synchronizedList(new ArrayList<>());
    /** Face tokens scanned before the run: {document, token}. */
    private static final ConcurrentLinkedQueue<String[]> SCANNED = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ConcurrentLinkedQueue<long[]> SIGN_INS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong FAILED = new AtomicLong();
    private static final AtomicLong BUSY = new AtomicLong();
    private static volatile long startedAt;
    private static volatile LoadCpu cpu;

    private static long sinceStart() {
        return System.currentTimeMillis() - startedAt;
    }

    private static HttpRequestActionBuilder signIn() {
        return http("sign in").post("/api/sessions")
                .body(StringBody("{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"#{document}\","
                        + "\"password\":\"" + PASSWORD + "\",\"faceVerificationToken\":\"#{faceToken}\"}"))
                .check(status().saveAs("signInStatus"), status().in(201, 503), responseTimeInMillis().saveAs("latency"));
    }

    // A sign-in refused busy is sent again, the same, after Retry-After (1 s), as a client should:
    // its face token was not spent. Each refusal counts as busy.
    private final ScenarioBuilder load = scenario("sign-ins")
            .exec(session -> {
                String[] scanned = SCANNED.poll();
                return scanned != null
                        ? session.set("document", scanned[0]).set("faceToken", scanned[1])
                        : session.set("document", DOCUMENTS.get(NEXT.getAndIncrement() % DOCUMENTS.size()));
            })
            .doIf(session -> !session.contains("faceToken")).then(exec(MixedFlowSimulation.faceScan("face scan", "document")))
            .exitHereIfFailed()
            .exec(signIn())
            .exec(session -> session.set("busyRetries", 0))
            .asLongAs(session -> !session.isFailed() && session.getInt("signInStatus") == 503
                    && session.getInt("busyRetries") < RegistrationSimulation.BUSY_RETRIES).on(
                    exec(session -> {
                        BUSY.incrementAndGet();
                        return session.set("busyRetries", session.getInt("busyRetries") + 1);
                    })
                    .pause(Duration.ofSeconds(1))
                    .exec(signIn()))
            .exec(session -> {
                if (!session.isFailed() && session.getInt("signInStatus") == 201) {
                    SIGN_INS.add(new long[] {sinceStart(), session.getLong("latency")});
                } else if (!session.isFailed() && session.getInt("signInStatus") == 503) {
                    BUSY.incrementAndGet();
                } else {
                    FAILED.incrementAndGet();
                }
                return session;
            });

    {
        Duration total = Duration.ofSeconds(WARMUP + DURATION);
        setUp(RATE > 0
                ? load.injectOpen(constantUsersPerSec(RATE).during(total))
                : load.injectClosed(constantConcurrentUsers(USERS).during(total)))
                .protocols(http.baseUrl(COMMAND_URL).contentTypeHeader("application/json")
                        .acceptHeader("application/json").shareConnections());
    }

    @Override
    public void before() {
        // Fewer threads than hashing permits would leave the CPUs idle; more would only queue.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> documents = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                long n = SEED + i;
                documents.add(pool.submit(() -> Bench.register(COMMAND_URL, n, PASSWORD)));
            }
            for (Future<String> document : documents) {
                DOCUMENTS.add(document.get());
            }
            List<Future<String[]>> scans = new ArrayList<>();
            for (int i = 0; i < FACE_TOKENS; i++) {
                String document = DOCUMENTS.get(i % DOCUMENTS.size());
                scans.add(pool.submit(() -> new String[] {document, Bench.faceToken(COMMAND_URL, document)}));
            }
            for (Future<String[]> scan : scans) {
                SCANNED.add(scan.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("sign-in setup failed", e);
        } finally {
            pool.shutdownNow();
        }
        startedAt = System.currentTimeMillis();
        cpu = new LoadCpu(WARMUP, DURATION);
    }

    @Override
    public void after() {
        List<Long> latencies = Bench.inWindow(SIGN_INS, WARMUP * 1000L, (WARMUP + DURATION) * 1000L);
        StringBuilder out = new StringBuilder();
        out.append("users=").append(RATE > 0 ? "open" : String.valueOf(USERS)).append('\n');
        out.append("rate=").append(RATE).append('\n');
        out.append("window_s=").append(DURATION).append('\n');
        appendRateAndLatencies(out, "sign_ins", latencies, FAILED.get(), BUSY.get(), DURATION);
        cpu.append(out, latencies.size());
        writeFigures(OUT, "sign-in", out);
    }
}
