package gov.etax.identity.command.infrastructure.config;

/**
 * The Argon2id parameters new password hashes are written with (OWASP's minimum: 19 MiB, 2 passes,
 * one lane). Hashes written with weaker ones still verify, and are written again at the next
 * successful login.
 */
record Argon2Settings(int memoryKib, int iterations, int parallelism, int saltLength, int hashLength) {

    static final Argon2Settings OWASP_MINIMUM = new Argon2Settings(19 * 1024, 2, 1, 16, 32);

    Argon2Settings {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || saltLength < 8 || hashLength < 16) {
            throw new IllegalArgumentException("Argon2 parameters out of range: m=" + memoryKib + ", t=" + iterations
                    + ", p=" + parallelism + ", salt " + saltLength + " bytes, hash " + hashLength + " bytes");
        }
    }

    @Override
    public String toString() {
        return "argon2id m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}
