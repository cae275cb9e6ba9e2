package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.appendRateAndLatencies;
import static gov.etax.identity.bench.Bench.env;
import static gov.etax.identity.bench.Bench.writeFigures;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hash-bound baseline: {@code USERS} concurrent clients (closed model) each {@code POST /api/hash}
 * to {@link HashOnlyServer} ({@code HASH_URL}), as the sign-in clients post their sign-ins, for
 * {@code WARMUP} + {@code DURATION} seconds. Reports the rate and latencies of the answers inside the
 * measured window, in the sign-ins' form.
 */
public class HashOnlySimulation extends Simulation {

    private static final String HASH_URL = env("HASH_URL", "http://127.0.0.1:18090");
    private static final int USERS = Integer.parseInt(env("USERS", "16"));
    private static final int WARMUP = Integer.parseInt(env("WARMUP", "10"));
    private static final int DURATION = Integer.parseInt(env("DURATION", "30"));
    private static final Path OUT = Path.of(env("BENCH_OUT", "report/hash-only-c" + USERS + ".properties"));

    private static final ConcurrentLinkedQueue<long[]> ANSWERS = new ConcurrentLinkedQueue<>();
    private static final AtomicLong FAILED = new AtomicLong();
    private static volatile long startedAt;

    private final ScenarioBuilder load = scenario("hashes")
            .exec(http("hash").post("/api/hash")
                    .body(StringBody("{\"password\":\"Secret#2024\"}"))
                    .check(status().is(201), responseTimeInMillis().saveAs("latency")))
            .exec(session -> {
                if (session.isFailed()) {
                    FAILED.incrementAndGet();
                } else {
                    ANSWERS.add(new long[] {System.currentTimeMillis() - startedAt, session.getLong("latency")});
                }
                return session;
            });

    {
        setUp(load.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(WARMUP + DURATION))))
                .protocols(http.baseUrl(HASH_URL).contentTypeHeader("application/json")
                        .acceptHeader("application/json").shareConnections());
    }

    @Override
    public void before() {
        startedAt = System.currentTimeMillis();
    }

    @Override
    public void after() {
        List<Long> latencies = Bench.inWindow(ANSWERS, WARMUP * 1000L, (WARMUP + DURATION) * 1000L);
        StringBuilder out = new StringBuilder();
        out.append("users=").append(USERS).append('\n');
        out.append("window_s=").append(DURATION).append('\n');
        appendRateAndLatencies(out, "hashes", latencies, FAILED.get(), 0, DURATION);
        writeFigures(OUT, "hash-only", out);
    }
}
