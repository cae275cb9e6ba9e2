package gov.etax.identity.command.infrastructure.config;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2 by the reference C library (libargon2, bundled in argon2-jvm and called through JNA):
 * the same hash as Spring Security's pure-Java {@code Argon2PasswordEncoder} at a fraction of
 * the CPU. Reads and writes PHC strings ({@link Argon2Hash}); the password is hashed as UTF-8,
 * as Spring's encoder does, so each verifies the other's hashes.
 */
final class NativeArgon2PasswordEncoder implements PasswordEncoder {

    private final Argon2Settings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Argon2Advanced> libraries;

    NativeArgon2PasswordEncoder(Argon2Settings settings) {
        this.settings = settings;
        this.libraries = Map.of(
                "argon2id", Argon2Factory.createAdvanced(Argon2Types.ARGON2id),
                "argon2i", Argon2Factory.createAdvanced(Argon2Types.ARGON2i),
                "argon2d", Argon2Factory.createAdvanced(Argon2Types.ARGON2d));
    }

    /** Loads the native library by hashing once with tiny parameters; throws a LinkageError where it cannot. */
    void probe() {
        libraries.get("argon2id").rawHashAdvanced(1, 8, 1, new byte[] {1}, new byte[16], null, null, 16,
                Argon2Version.V13);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[settings.saltLength()];
        random.nextBytes(salt);
        byte[] hash = hash("argon2id", Argon2Hash.VERSION_13, settings.memoryKib(), settings.iterations(),
                settings.parallelism(), utf8(rawPassword), salt, settings.hashLength());
        return new Argon2Hash("argon2id", Argon2Hash.VERSION_13, settings.memoryKib(), settings.iterations(),
                settings.parallelism(), salt, hash).encoded();
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        Argon2Hash stored = Argon2Hash.parseOrNull(encodedPassword);
        if (stored == null || rawPassword == null) {
            return false;
        }
        byte[] computed = hash(stored.type(), stored.version(), stored.memoryKib(), stored.iterations(),
                stored.parallelism(), utf8(rawPassword), stored.salt(), stored.hash().length);
        return MessageDigest.isEqual(computed, stored.hash());
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        Argon2Hash stored = Argon2Hash.parseOrNull(encodedPassword);
        return stored != null && stored.weakerThan(settings);
    }

    private byte[] hash(String type, int version, int memoryKib, int iterations, int parallelism, byte[] password,
                        byte[] salt, int hashLength) {
        return libraries.get(type).rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null,
                hashLength, version == Argon2Hash.VERSION_13 ? Argon2Version.V13 : Argon2Version.V10);
    }

    private static byte[] utf8(CharSequence rawPassword) {
        return rawPassword.toString().getBytes(StandardCharsets.UTF_8);
    }
}
