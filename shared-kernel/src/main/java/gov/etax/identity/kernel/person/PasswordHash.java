package gov.etax.identity.kernel.person;

import java.util.Objects;

/**
 * An encoded password hash (Argon2id). It travels only inside a command to the credential table
 * and is never part of an event; toString hides it so it cannot reach a log line.
 */
public record PasswordHash(String encoded) {
    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
