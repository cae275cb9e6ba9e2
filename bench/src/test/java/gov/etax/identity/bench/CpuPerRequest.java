package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time the command side spends per request, from its own counters ({@code /proc/COMMAND_PID/stat},
 * user + system), one request at a time: what a face scan, a registration and a sign-in cost in CPU,
 * whatever else shares the machine (unlike rates and latencies, CPU time is not stretched by waiting
 * for a core). {@code N} of each, after {@code N / 5} of each as warm-up; the CPU the idle command side
 * spends in the same time (measured over 5 s before) is taken off. Prints {@code cpu_ms_*=} lines.
 * A registration and a sign-in each include the face scan before them; {@code *_without_scan} subtracts it.
 */
public final class CpuPerRequest {

    private static final String COMMAND_URL = env("COMMAND_URL", "http://127.0.0.1:8080");
    private static final String PID = env("COMMAND_PID", "");
    private static final int N = Integer.parseInt(env("N", "100"));
    private static final long SEED = Long.parseLong(env("SEED", "15000000"));
    /** Clock ticks per second of /proc's counters (USER_HZ; 100 on Linux). */
    private static final double TICKS_PER_S = 100.0;
    private static final long IDLE_MILLIS = 5_000;

    private CpuPerRequest() {
    }

    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc", PID, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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

    /**
     * CPU milliseconds of the command side per step, over {@code count} steps, less what it spends
     * meanwhile with no request at all.
     */
    private static double cpuMillisPer(int count, Step step) throws IOException {
        long before = cpuTicks();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            step.run(i);
        }
        double background = idleTicksPerMilli * (System.nanoTime() - start) / 1e6;
        return Math.max(0, cpuTicks() - before - background) * 1000 / TICKS_PER_S / count;
    }

    private static void measureIdle() throws IOException, InterruptedException {
        long before = cpuTicks();
        long start = System.nanoTime();
        Thread.sleep(IDLE_MILLIS);
        idleTicksPerMilli = (cpuTicks() - before) / ((System.nanoTime() - start) / 1e6);
    }

    public static void main(String[] args) throws Exception {
        if (PID.isBlank()) {
            throw new IllegalArgumentException("COMMAND_PID is required");
        }
        int warmup = Math.max(1, N / 5);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < warmup + N; i++) {
            documents.add(RegistrationSimulation.residentIdNumber(SEED + i));
        }
        // warm-up: every kind of request, so the JIT and the pools are past their first calls
        cpuMillisPer(warmup, i -> faceScan(documents.get(i)));
        cpuMillisPer(warmup, i -> Bench.register(COMMAND_URL, SEED + i, "Secret#2024"));
        cpuMillisPer(warmup, i -> signIn(documents.get(i)));

        measureIdle();
        double scan = cpuMillisPer(N, i -> faceScan(documents.get(warmup + i)));
        double registration = cpuMillisPer(N, i -> Bench.register(COMMAND_URL, SEED + warmup + i, "Secret#2024"));
        double signIn = cpuMillisPer(N, i -> signIn(documents.get(warmup + i)));
        System.out.println("cpu_n=" + N);
        System.out.println(String.format(Locale.ROOT, "cpu_ms_idle_per_s=%.1f", idleTicksPerMilli * 1000 * 1000 / TICKS_PER_S));
        System.out.println(String.format(Locale.ROOT, "cpu_ms_face_scan=%.1f", scan));
        System.out.println(String.format(Locale.ROOT, "cpu_ms_registration=%.1f", registration));
        System.out.println(String.format(Locale.ROOT, "cpu_ms_sign_in=%.1f", signIn));
        System.out.println(String.format(Locale.ROOT, "cpu_ms_registration_without_scan=%.1f", registration - scan));
        System.out.println(String.format(Locale.ROOT, "cpu_ms_sign_in_without_scan=%.1f", signIn - scan));
    }
}
