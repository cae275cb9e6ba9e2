package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;
import static gov.etax.identity.bench.Bench.percentile;
import static gov.etax.identity.bench.Bench.millis;
import static gov.etax.identity.bench.Bench.writeFigures;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long histories: the latency of one cheap command on a person with a short history and
 * on one with a long history (seeded by scripts/bench-history.sh, which passes their session tokens).
 *
 * <p>The command is the identity switch back to natural-person business
 * ({@code POST /api/sessions/current/switch}, ACC-8): it loads the {@code NaturalPerson} aggregate,
 * appends {@code SessionSwitched} and hashes no password; its answer carries the token of the new
 * session, which the next switch uses, so it repeats without end. After a warm-up of {@code WARMUP}
 * switches on the short history and {@code LONG_WARMUP} on the long one (not counted), one virtual user alternates short, long, short, long...
 * {@code SWITCHES} times, so the machine's noise falls on both alike. Figures go as
 * {@code key=value} lines to {@code BENCH_OUT}.
 */
public class HistorySimulation extends Simulation {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final String SHORT_TOKEN = env("SHORT_TOKEN", "");
    private static final String LONG_TOKEN = env("LONG_TOKEN", "");
    private static final int WARMUP = Integer.parseInt(env("WARMUP", "10"));
    /** Fewer: with snapshots off every one of them replays the whole long history. */
    private static final int LONG_WARMUP = Integer.parseInt(env("LONG_WARMUP", "3"));
    private static final int SWITCHES = Integer.parseInt(env("SWITCHES", "100"));
    private static final Path OUT = Path.of(env("BENCH_OUT", "report/history.properties"));

    /** Latencies in microseconds of the measured switches. */
    private static final ConcurrentLinkedQueue<Long> SHORT = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Long> LONG = new ConcurrentLinkedQueue<>();
    private static final AtomicLong FAILED = new AtomicLong();
    private static final AtomicLong WARMUP_FAILED = new AtomicLong();

    private final HttpProtocolBuilder protocol = http
            .baseUrl(COMMAND_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json");

    /**
     * One switch of the person whose token is under {@code tokenKey}; the new token replaces it. A
     * failed switch changed nothing (its transaction rolled back), so the old token stays valid and
     * the loop goes on; it is counted, in the measured part as a failure. {@code samples} null: warm-up.
     */
    private static ChainBuilder switchOnce(String person, String tokenKey, ConcurrentLinkedQueue<Long> samples) {
        return exec(session -> session.set("sentAt", System.nanoTime()))
                .exec(http("switch (" + person + " history)").post("/api/sessions/current/switch")
                        .header("Authorization", "Bearer #{" + tokenKey + "}")
                        .body(StringBody("{\"to\":\"NATURAL_PERSON\"}"))
                        .check(status().is(201), jsonPath("$.accessToken").saveAs(tokenKey)))
                .exec(session -> {
                    // Microseconds, not Gatling's whole milliseconds: a short history answers in a few ms.
                    long micros = (System.nanoTime() - session.getLong("sentAt")) / 1000;
                    if (session.isFailed()) {
                        (samples == null ? WARMUP_FAILED : FAILED).incrementAndGet();
                        return session.markAsSucceeded();
                    }
                    if (samples != null) {
                        samples.add(micros);
                    }
                    return session;
                });
    }

    /**
     * Warm-up first on the short history (the JIT compiles the command path), then on the long one
     * (its first load replays all of it, and with snapshots on leaves the first snapshot behind).
     */
    private final ScenarioBuilder switches = scenario("identity switches")
            .exec(session -> session.set("shortToken", SHORT_TOKEN).set("longToken", LONG_TOKEN))
            .exec(repeat(WARMUP).on(switchOnce("short", "shortToken", null)))
            .exec(repeat(LONG_WARMUP).on(switchOnce("long", "longToken", null)))
            .exec(repeat(SWITCHES).on(
                    switchOnce("short", "shortToken", SHORT),
                    switchOnce("long", "longToken", LONG)));

    {
        if (SHORT_TOKEN.isEmpty() || LONG_TOKEN.isEmpty()) {
            throw new IllegalStateException("SHORT_TOKEN and LONG_TOKEN are needed (scripts/bench-history.sh seeds them)");
        }
        setUp(switches.injectOpen(atOnceUsers(1))).protocols(protocol);
    }

    @Override
    public void after() {
        List<Long> shortHistory = sorted(SHORT);
        List<Long> longHistory = sorted(LONG);
        StringBuilder out = new StringBuilder();
        out.append("switches=").append(SWITCHES).append('\n');
        out.append("warmup=").append(WARMUP).append('\n');
        out.append("long_warmup=").append(LONG_WARMUP).append('\n');
        out.append("failed=").append(FAILED.get()).append('\n');
        out.append("warmup_failed=").append(WARMUP_FAILED.get()).append('\n');
        for (int p : new int[] {50, 95, 99}) {
            long s = percentile(shortHistory, p);
            long l = percentile(longHistory, p);
            out.append("short_p").append(p).append("_ms=").append(millis(s)).append('\n');
            out.append("long_p").append(p).append("_ms=").append(millis(l)).append('\n');
            out.append("ratio_p").append(p).append('=')
                    .append(s <= 0 || l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l / (double) s)).append('\n');
        }
        out.append("short_samples=").append(shortHistory.size()).append('\n');
        out.append("long_samples=").append(longHistory.size()).append('\n');
        writeFigures(OUT, "history", out);
    }

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> samples) {
        List<Long> list = new ArrayList<>(samples);
        Collections.sort(list);
        return list;
    }
}
