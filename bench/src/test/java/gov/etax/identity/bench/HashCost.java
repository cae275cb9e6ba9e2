package gov.etax.identity.bench;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Times one Argon2id hash with the command side's parameters (19 MiB, 2 passes, 1 lane, 16-byte
 * salt, 32-byte hash), single-threaded, after a warm-up, the median of seven batches, by both
 * implementations the command side may use: native libargon2 (argon2-jvm, its default) and Spring
 * Security's pure-Java encoder (its fallback). Every registration and every sign-in hashes once, so
 * {@code cores / hash time} bounds them. Prints {@code argon2_native_ms=}, {@code argon2_java_ms=} and
 * {@code argon2_ms=} (the one in use: native where it loads), each also as CPU time ({@code _cpu_ms}),
 * for scripts/bench.sh, and the lowest and highest batch of the one in use ({@code argon2_cpu_ms_batches=}).
 * Then the implementation in use on every core at once, one thread per core, as the command side
 * hashes under load ({@code argon2_all_cores_per_s=}, {@code argon2_all_cores_cpu_ms=}): a
 * memory-hard hash slows down when its neighbours on the same chip compete for caches and memory
 * (and, on a virtual machine, when two virtual cores are one physical core's two threads).
 */
public final class HashCost {

    static final int MEMORY_KIB = Integer.parseInt(Bench.env("ARGON2_MEMORY_KIB", "19456"));
    static final int ITERATIONS = Integer.parseInt(Bench.env("ARGON2_ITERATIONS", "2"));
    private static final String PASSWORD = "Secret#2024";
    private static final int BATCHES = 7;
    private static final int BATCH = 10;

    private HashCost() {
    }

    /**
     * Wall and CPU milliseconds of one hash, {wall, cpu, lowest cpu, highest cpu}: the median of
     * {@code BATCHES} batches of {@code BATCH} hashes, with the lowest and highest batch. On a shared
     * virtual machine a single batch's figure moves by a fifth from one run to the next; the median
     * keeps the ceiling from following it. CPU time is not stretched by other load.
     */
    private static double[] millisPerHash(Supplier<Object> hash) {
        for (int i = 0; i < 10; i++) {
            hash.get();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[BATCHES];
        double[] cpu = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                hash.get();
            }
            wall[b] = (System.nanoTime() - start) / 1e6 / BATCH;
            cpu[b] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / BATCH;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[BATCHES / 2], cpu[BATCHES / 2], cpu[0], cpu[BATCHES - 1]};
    }

    /**
     * Hashes per second and CPU milliseconds per hash with one thread per core hashing at once, after
     * a warm-up: {rate, cpu}.
     */
    private static double[] onAllCores(Supplier<Object> hash) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        int rounds = 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CyclicBarrier start = new CyclicBarrier(cores + 1);
        AtomicLong cpuNanos = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < cores; t++) {
            Thread worker = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    hash.get();
                }
                await(start);
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < rounds; i++) {
                    hash.get();
                }
                cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
            });
            workers.add(worker);
            worker.start();
        }
        await(start);
        long begin = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new double[] {cores * rounds / seconds, cpuNanos.get() / 1e6 / (cores * rounds)};
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Native Argon2id with the command side's parameters and one random 16-byte salt: a password to its
     * raw 32-byte hash. Throws {@link LinkageError} where libargon2 cannot load.
     */
    static Function<String, byte[]> nativeArgon2id() {
        Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);
        byte[] salt = argon2.generateSalt(16);
        return password -> argon2.rawHashAdvanced(ITERATIONS, MEMORY_KIB, 1, password.getBytes(StandardCharsets.UTF_8),
                salt, null, null, 32, Argon2Version.V13);
    }

    public static void main(String[] args) {
        Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
        double[] javaMs = millisPerHash(() -> java.encode(PASSWORD));
        double[] nativeMs = null;
        Supplier<Object> nativeHash = null;
        try {
            Function<String, byte[]> argon2id = nativeArgon2id();
            nativeHash = () -> argon2id.apply(PASSWORD);
            nativeMs = millisPerHash(nativeHash);
        } catch (LinkageError unavailable) {
            System.out.println("argon2_native_unavailable=" + unavailable);
        }
        System.out.println(String.format(Locale.ROOT, "argon2_params=m=%d,t=%d,p=1", MEMORY_KIB, ITERATIONS));
        System.out.println(String.format(Locale.ROOT, "argon2_java_ms=%.1f", javaMs[0]));
        System.out.println(String.format(Locale.ROOT, "argon2_java_cpu_ms=%.1f", javaMs[1]));
        if (nativeMs != null) {
            System.out.println(String.format(Locale.ROOT, "argon2_native_ms=%.1f", nativeMs[0]));
            System.out.println(String.format(Locale.ROOT, "argon2_native_cpu_ms=%.1f", nativeMs[1]));
        }
        double[] inUse = nativeMs != null ? nativeMs : javaMs;
        Supplier<Object> inUseHash = nativeHash != null ? nativeHash : () -> java.encode(PASSWORD);
        try {
            double[] allCores = onAllCores(inUseHash);
            System.out.println(String.format(Locale.ROOT, "argon2_all_cores_per_s=%.1f", allCores[0]));
            System.out.println(String.format(Locale.ROOT, "argon2_all_cores_cpu_ms=%.1f", allCores[1]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println(String.format(Locale.ROOT, "argon2_ms=%.1f", inUse[0]));
        System.out.println(String.format(Locale.ROOT, "argon2_cpu_ms=%.1f", inUse[1]));
        System.out.println(String.format(Locale.ROOT, "argon2_cpu_ms_batches=%.1f-%.1f", inUse[2], inUse[3]));
        System.out.println(String.format(Locale.ROOT, "argon2_per_core_per_s=%.1f", 1000 / inUse[1]));
    }
}
