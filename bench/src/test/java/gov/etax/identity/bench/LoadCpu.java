package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the machine's CPU goes while a simulation runs at full load: counters read at the start and
 * the end of its measured window ({@code WARMUP} s after its start, {@code DURATION} s long), then
 * divided by the requests answered in the window. Split by process: the command side (request
 * threads, JIT compiler, the rest), the query side, PostgreSQL, this load generator and the rest of
 * the machine. A rate short of the hash-bound ceiling is explained by these figures: two cores give
 * 2,000 ms of CPU per second, shared by all of them.
 */
final class LoadCpu {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final String COMMAND_PID = env("COMMAND_PID", "");
    private static final String QUERY_PID = env("QUERY_PID", "");
    /** The bench's database: its backends and the server's background processes count as PostgreSQL. */
    private static final String DB_NAME = env("DB_NAME", "");
    private static final String SELF = String.valueOf(ProcessHandle.current().pid());

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-cpu");
        thread.setDaemon(true);
        return thread;
    });
    /** The command side's own count of its hashing CPU: inside its request threads' figure, not beside it. */
    private static final String HASHING = "command_hashing";
    private final int durationSeconds;
    private volatile Map<String, Double> start;
    private volatile Map<String, Double> end;

    /** Reads the counters {@code warmupSeconds} from now and again {@code durationSeconds} later. */
    LoadCpu(int warmupSeconds, int durationSeconds) {
        this.durationSeconds = durationSeconds;
        timer.schedule(() -> start = snapshot(), warmupSeconds * 1000L, TimeUnit.MILLISECONDS);
        timer.schedule(() -> end = snapshot(), (warmupSeconds + durationSeconds) * 1000L, TimeUnit.MILLISECONDS);
    }

    private static double millis(long ticks) {
        return ticks * 1000 / ProcCpu.TICKS_PER_S;
    }

    /** CPU milliseconds since start, by part; null when a counter cannot be read. */
    private static Map<String, Double> snapshot() {
        Map<String, Double> millis = new LinkedHashMap<>();
        try {
            millis.put("machine", millis(ProcCpu.machineBusyTicks()));
            if (!COMMAND_PID.isBlank()) {
                ProcCpu.threadTicks(COMMAND_PID).forEach((group, t) -> millis.put("command_" + group, millis(t)));
            }
            if (!QUERY_PID.isBlank()) {
                millis.put("query", millis(ProcCpu.processTicks(QUERY_PID)));
            }
            millis.put("postgres", millis(ProcCpu.postgresTicks(DB_NAME, false)));
            millis.put("load_generator", millis(ProcCpu.processTicks(SELF)));
            double hashing = Bench.hashCpuMillis(COMMAND_URL);
            if (hashing >= 0) {
                millis.put(HASHING, hashing);
            }
        } catch (IOException | RuntimeException unreadable) {
            System.err.println("CPU counters unreadable: " + unreadable);
            return null;
        }
        return millis;
    }

    /**
     * Appends {@code load_cpu_ms_<part>=} per request answered in the window, {@code load_cpu_ms_rest=}
     * (what no part named here spent: other processes, the kernel's own threads) and
     * {@code load_cpu_busy_pct=} (the machine's busy share of all its cores). {@code load_cpu_ms_command_hashing}
     * is the part of the request threads' figure that hashed passwords. Nothing when a reading is
     * missing, for example when the run ended before its window did.
     */
    void append(StringBuilder out, long requests) {
        timer.shutdownNow();
        Map<String, Double> from = start;
        Map<String, Double> to = end;
        if (from == null || to == null || requests == 0) {
            return;
        }
        double parts = 0;
        for (Map.Entry<String, Double> entry : to.entrySet()) {
            Double before = from.get(entry.getKey());
            if (before == null) {
                continue;
            }
            double ms = (entry.getValue() - before) / requests;
            if (!entry.getKey().equals("machine") && !entry.getKey().equals(HASHING)) {
                parts += ms;
            }
            out.append(String.format(Locale.ROOT, "load_cpu_ms_%s=%.1f%n", entry.getKey(), ms));
        }
        double machine = (to.get("machine") - from.get("machine")) / requests;
        out.append(String.format(Locale.ROOT, "load_cpu_ms_rest=%.1f%n", machine - parts));
        out.append(String.format(Locale.ROOT, "load_cpu_busy_pct=%.1f%n", 100 * machine * requests / 1000
                / (Runtime.getRuntime().availableProcessors() * (double) durationSeconds)));
    }
}
