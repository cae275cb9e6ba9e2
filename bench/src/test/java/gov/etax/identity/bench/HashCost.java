package gov.etax.identity.bench;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Times one Argon2id hash with the command side's parameters (19 MiB, 2 passes, 1 lane, 16-byte
 * salt, 32-byte hash), single-threaded, after a warm-up, by both implementations the command side
 * may use: native libargon2 (argon2-jvm, its default) and Spring Security's pure-Java encoder (its
 * fallback). Every registration and every sign-in hashes once, so {@code cores / hash time} bounds
 * them. Prints {@code argon2_native_ms=}, {@code argon2_java_ms=} and {@code argon2_ms=} (the one
 * in use: native where it loads), each also as CPU time ({@code _cpu_ms}), for scripts/bench.sh.
 */
public final class HashCost {

    private static final int MEMORY_KIB = Integer.parseInt(Bench.env("ARGON2_MEMORY_KIB", "19456"));
    private static final int ITERATIONS = Integer.parseInt(Bench.env("ARGON2_ITERATIONS", "2"));
    private static final String PASSWORD = "Secret#2024";

    private HashCost() {
    }

    /** Wall and CPU milliseconds of one hash: {wall, cpu}. CPU time is not stretched by other load. */
    private static double[] millisPerHash(Supplier<Object> hash) {
        for (int i = 0; i < 10; i++) {
            hash.get();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 30;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            hash.get();
        }
        return new double[] {(System.nanoTime() - start) / 1e6 / rounds,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / rounds};
    }

    public static void main(String[] args) {
        Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
        double[] javaMs = millisPerHash(() -> java.encode(PASSWORD));
        double[] nativeMs = null;
        try {
            Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);
            byte[] salt = argon2.generateSalt(16);
            byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
            nativeMs = millisPerHash(() -> argon2.rawHashAdvanced(ITERATIONS, MEMORY_KIB, 1, password, salt, null, null,
                    32, Argon2Version.V13));
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
        System.out.println(String.format(Locale.ROOT, "argon2_ms=%.1f", inUse[0]));
        System.out.println(String.format(Locale.ROOT, "argon2_cpu_ms=%.1f", inUse[1]));
        System.out.println(String.format(Locale.ROOT, "argon2_per_core_per_s=%.1f", 1000 / inUse[1]));
    }
}
