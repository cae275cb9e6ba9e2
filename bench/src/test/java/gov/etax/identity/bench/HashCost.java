package gov.etax.identity.bench;

import java.util.Locale;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Times one Argon2id hash with the command side's parameters (Spring Security 5.8 defaults:
 * 16 MiB, 2 iterations, parallelism 1), single-threaded, after a warm-up. Every registration
 * hashes the password once, so {@code cores / hash time} bounds the registrations per second.
 * Prints {@code argon2_ms=} and {@code argon2_per_core_per_s=} lines for scripts/bench.sh.
 */
public final class HashCost {

    private HashCost() {
    }

    public static void main(String[] args) {
        Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        for (int i = 0; i < 10; i++) {
            encoder.encode("Secret#2024");
        }
        int rounds = 30;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            encoder.encode("Secret#2024");
        }
        double ms = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.println(String.format(Locale.ROOT, "argon2_ms=%.1f", ms));
        System.out.println(String.format(Locale.ROOT, "argon2_per_core_per_s=%.1f", 1000 / ms));
    }
}
