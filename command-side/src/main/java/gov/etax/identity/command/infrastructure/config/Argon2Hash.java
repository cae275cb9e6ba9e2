package gov.etax.identity.command.infrastructure.config;

import java.util.Base64;
import java.util.Locale;

/**
 * An Argon2 hash in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} (salt and
 * hash in Base64 without padding), the form libargon2 and Spring Security's Argon2PasswordEncoder
 * both write, so either encoder reads what the other wrote.
 *
 * @param type        argon2id, argon2i or argon2d
 * @param version     0x13 (19), or 0x10 when the string names none
 * @param memoryKib   memory cost in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
record Argon2Hash(String type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static final int VERSION_13 = 0x13;
    static final int VERSION_10 = 0x10;

    /** Null when the text is not an Argon2 PHC string (then no password matches it). */
    static Argon2Hash parseOrNull(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$", -1);
        // "", type, [v=..], params, salt, hash
        if (parts.length != 5 && parts.length != 6 || !parts[0].isEmpty()) {
            return null;
        }
        String type = parts[1];
        if (!type.equals("argon2id") && !type.equals("argon2i") && !type.equals("argon2d")) {
            return null;
        }
        int index = 2;
        int version = VERSION_10;
        try {
            if (parts.length == 6) {
                if (!parts[2].startsWith("v=")) {
                    return null;
                }
                version = Integer.parseInt(parts[2].substring(2));
                index = 3;
            }
            int memory = -1;
            int iterations = -1;
            int parallelism = -1;
            for (String parameter : parts[index].split(",")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length != 2) {
                    return null;
                }
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return null;
                    }
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[index + 1]);
            byte[] hash = Base64.getDecoder().decode(parts[index + 2]);
            if (memory < 1 || iterations < 1 || parallelism < 1 || salt.length == 0 || hash.length == 0
                    || version != VERSION_13 && version != VERSION_10) {
                return null;
            }
            return new Argon2Hash(type, version, memory, iterations, parallelism, salt, hash);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return String.format(Locale.ROOT, "$%s$v=%d$m=%d,t=%d,p=%d$%s$%s", type, version, memoryKib, iterations,
                parallelism, base64.encodeToString(salt), base64.encodeToString(hash));
    }

    /** Weaker than the parameters hashes are written with now: worth hashing again at the next login. */
    boolean weakerThan(Argon2Settings settings) {
        return !type.equals("argon2id") || version != VERSION_13 || memoryKib < settings.memoryKib()
                || iterations < settings.iterations() || hash.length < settings.hashLength();
    }
}
