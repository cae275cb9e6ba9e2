package gov.etax.identity.command.infrastructure.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id for passwords: the native library where it loads, else Spring Security's pure-Java
 * encoder (Bouncy Castle), which computes the same hash in about five times the CPU. Both write
 * and read the same PHC strings, so a node may fall back without any password being affected.
 */
final class Argon2PasswordEncoders {

    private static final Logger log = LoggerFactory.getLogger(Argon2PasswordEncoders.class);

    /** {@code native} (the default) or {@code java}, which forces the fallback. */
    enum Implementation {
        NATIVE, JAVA
    }

    private Argon2PasswordEncoders() {
    }

    static PasswordEncoder create(Argon2Settings settings, Implementation wanted) {
        if (wanted == Implementation.NATIVE) {
            try {
                NativeArgon2PasswordEncoder encoder = new NativeArgon2PasswordEncoder(settings);
                encoder.probe();
                log.info("Password hashing: native libargon2, {}", settings);
                return encoder;
            } catch (LinkageError | RuntimeException unavailable) {
                log.warn("Password hashing: the native Argon2 library cannot be loaded ({}); falling back to the "
                        + "pure-Java Argon2 of Bouncy Castle, about five times the CPU per hash, {}",
                        unavailable.toString(), settings);
            }
        } else {
            log.warn("Password hashing: the pure-Java Argon2 of Bouncy Castle, as configured "
                    + "(etax.password-hashing.implementation=java), {}", settings);
        }
        return java(settings);
    }

    static PasswordEncoder java(Argon2Settings settings) {
        return new Argon2PasswordEncoder(settings.saltLength(), settings.hashLength(), settings.parallelism(),
                settings.memoryKib(), settings.iterations()) {
            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                Argon2Hash stored = Argon2Hash.parseOrNull(encodedPassword);
                return stored != null && stored.weakerThan(settings);
            }
        };
    }
}
