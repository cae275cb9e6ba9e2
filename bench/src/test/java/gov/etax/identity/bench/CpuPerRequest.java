package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time the command side spends per request, from its own counters ({@code /proc/COMMAND_PID/stat},
 * user + system), one request at a time: what a face scan, a registration and a sign-in cost in CPU,
 * whatever else shares the machine (unlike rates and latencies, CPU time is not stretched by waiting
 * for a core). {@code N} of each, after {@code WARMUP_REQUESTS} of each (300) as
 * warm-up; the CPU the idle command side spends in the same time (measured over 5 s before) is taken
 * off. Prints {@code cpu_ms_*=} lines. A registration and a sign-in each include the face scan before
 * them; {@code *_without_scan} subtracts it. The same CPU split by the command side's threads
 * ({@code /proc/COMMAND_PID/task/}: request threads, JIT compiler, GC and VM, the rest) shows whether
 * a figure is the requests' own work or compilation still going on ({@code cpu_ms_<kind>_<threads>=}).
 * With {@code QUERY_PID} the query side's CPU per request (its projections of the events) is printed too,
 * with {@code DB_NAME} that of the PostgreSQL backends serving that database (both sides' connections).
 */
public final class CpuPerRequest {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final String PID = env("COMMAND_PID", "");
    private static final String QUERY_PID = env("QUERY_PID", "");
    private static final String DB_NAME = env("DB_NAME", "");
    private static final int N = Integer.parseInt(env("N", "100"));
    private static final int WARMUP = Integer.parseInt(env("WARMUP_REQUESTS", "300"));
    private static final long SEED = Long.parseLong(env("SEED", "15000000"));
    private static final double TICKS_PER_S = ProcCpu.TICKS_PER_S;
    private static final long IDLE_MILLIS = 5_000;
    private static final List<String> GROUPS = ProcCpu.GROUPS;

    private CpuPerRequest() {
    }

    private static long cpuTicks(String pid) throws IOException {
        return ProcCpu.processTicks(pid);
    }

    private static long databaseTicks() throws IOException {
        return ProcCpu.postgresTicks(DB_NAME, true);
    }

    private static Map<String, Long> threadTicks(String pid) throws IOException {
        return ProcCpu.threadTicks(pid);
    }

    private static String faceScan(String document) {
        return Bench.faceToken(COMMAND_URL, document);
    }

    private static void signIn(String document) {
        Bench.post(COMMAND_URL, "/api/sessions", "{\"documentType\":\"RESIDENT_IDENTITY_CARD\",\"documentNumber\":\"" + document
                + "\",\"password\":\"Secret#2024\",\"faceVerificationToken\":\"" + faceScan(document) + "\"}", 201);
    }

    interface Step {
        void run(int i);
    }

    /** Ticks per millisecond the command side spends with no request (its background threads). */
    private static double idleTicksPerMilli;

    /** CPU milliseconds per step: the command side's less its idle share, by thread group, and the query side's. */
    record Cost(double total, Map<String, Double> byGroup, double query, Map<String, Double> queryByGroup,
                double database, double hashing) {
    }

    private static Map<String, Double> millisPer(Map<String, Long> before, Map<String, Long> after, int count) {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (String g : GROUPS) {
            millis.put(g, (after.get(g) - before.get(g)) * 1000 / TICKS_PER_S / count);
        }
        return millis;
    }

    /**
     * CPU milliseconds of the command side per step, over {@code count} steps, less what it spends
     * meanwhile with no request at all.
     */
    private static Cost cpuMillisPer(int count, Step step) throws IOException {
        long before = cpuTicks(PID);
        Map<String, Long> groupsBefore = threadTicks(PID);
        long databaseBefore = DB_NAME.isBlank() ? 0 : databaseTicks();
        boolean query = !QUERY_PID.isBlank();
        long queryBefore = query ? cpuTicks(QUERY_PID) : 0;
        Map<String, Long> queryGroupsBefore = query ? threadTicks(QUERY_PID) : Map.of();
        double hashingBefore = Bench.hashCpuMillis(COMMAND_URL);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            step.run(i);
        }
        double background = idleTicksPerMilli * (System.nanoTime() - start) / 1e6;
        double total = Math.max(0, cpuTicks(PID) - before - background) * 1000 / TICKS_PER_S / count;
        Map<String, Double> byGroup = millisPer(groupsBefore, threadTicks(PID), count);
        double database = DB_NAME.isBlank() ? -1 : (databaseTicks() - databaseBefore) * 1000 / TICKS_PER_S / count;
        double hashingAfter = Bench.hashCpuMillis(COMMAND_URL);
        double hashing = hashingBefore < 0 || hashingAfter < 0 ? -1 : (hashingAfter - hashingBefore) / count;
        if (!query) {
            return new Cost(total, byGroup, -1, Map.of(), database, hashing);
        }
        return new Cost(total, byGroup, (cpuTicks(QUERY_PID) - queryBefore) * 1000 / TICKS_PER_S / count,
                millisPer(queryGroupsBefore, threadTicks(QUERY_PID), count), database, hashing);
    }

    private static void measureIdle() throws IOException, InterruptedException {
        long before = cpuTicks(PID);
        long start = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        idleTicksPerMilli = (cpuTicks(PID) - before) / ((System.nanoTime() - start) / 1e6);
    }

    private static void print(String key, double millis) {
        System.out.println(String.format(Locale.ROOT, "%s=%.1f", key, millis));
    }

    private static void printGroups(String kind, Cost cost) {
        cost.byGroup().forEach((g, millis) -> print("cpu_ms_" + kind + "_" + g, millis));
        if (cost.query() >= 0) {
            print("cpu_ms_" + kind + "_query_side", cost.query());
            cost.queryByGroup().forEach((g, millis) -> print("cpu_ms_" + kind + "_query_side_" + g, millis));
        }
        if (cost.hashing() >= 0) {
            print("cpu_ms_" + kind + "_hashing", cost.hashing());
        }
        if (cost.database() >= 0) {
            print("cpu_ms_" + kind + "_database", cost.database());
        }
    }

    public static void main(String[] args) throws Exception {
        if (PID.isBlank()) {
            throw new IllegalArgumentException("COMMAND_PID is required");
        }
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < WARMUP + N; i++) {
            documents.add(RegistrationSimulation.residentIdNumber(SEED + i));
        }
        // warm-up: every kind of request, so the JIT and the pools are past their first calls
        cpuMillisPer(WARMUP, i -> faceScan(documents.get(i)));
        cpuMillisPer(WARMUP, i -> Bench.register(COMMAND_URL, SEED + i, "Secret#2024"));
        cpuMillisPer(WARMUP, i -> signIn(documents.get(i)));

        measureIdle();
        Cost scan = cpuMillisPer(N, i -> faceScan(documents.get(WARMUP + i)));
        Cost registration = cpuMillisPer(N, i -> Bench.register(COMMAND_URL, SEED + WARMUP + i, "Secret#2024"));
        Cost signIn = cpuMillisPer(N, i -> signIn(documents.get(WARMUP + i)));
        System.out.println("cpu_n=" + N);
        System.out.println("cpu_warmup=" + WARMUP);
        print("cpu_ms_idle_per_s", idleTicksPerMilli * 1000 * 1000 / TICKS_PER_S);
        print("cpu_ms_face_scan", scan.total());
        print("cpu_ms_registration", registration.total());
        print("cpu_ms_sign_in", signIn.total());
        print("cpu_ms_registration_without_scan", registration.total() - scan.total());
        print("cpu_ms_sign_in_without_scan", signIn.total() - scan.total());
        printGroups("face_scan", scan);
        printGroups("registration", registration);
        printGroups("sign_in", signIn);
    }
}
