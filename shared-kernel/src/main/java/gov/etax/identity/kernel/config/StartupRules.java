package gov.etax.identity.kernel.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an application checks before it builds anything. Without the {@code dev} profile the
 * production rules hold: every required setting present and none of them a key that was once
 * published. With {@code dev}, the dev key ring stands in for missing keys; dev and prod together
 * are refused, since nobody can tell which rules were meant.
 */
public final class StartupRules {

    public static final String DEV = "dev";
    public static final String PROD = "prod";
    /** Where the dev key ring is; dev yml files give it a default under the data directory. */
    public static final String DEV_KEY_DIR = "etax.dev.key-dir";
    /** The prefix of the dev key ring's entries in the application's settings. */
    public static final String DEV_KEYS = "etax.dev.keys.";

    /**
     * SHA-256 of keys that stood in source control as development defaults: whoever read them can
     * decrypt personal data or forge tokens, so no production start may use them.
     */
    private static final Set<String> PUBLISHED_KEYS = Set.of(
            "e38a2b2816d0daadd56f0e06ddf3c32a11c1ba4a3f0091e8e8e5d170231f8bca",
            "12b49ef626b6123c0d72e8a10d1131496a6d9d0466e7d5c7f8c43140563378bd",
            "1a0f5ffc68d8a1ba867c2a4ff8f01d027c427365c5149863d1cd820b85d924e1",
            "529d19f83bc62e634f4033fb2a7a81f898b2cf0f677ac452fb6232aa7ffa8bfd",
            "b17720e1caae399688e95857e756659ab0b94a1e7df4ca745bc39d31f2791ed8");

    /** A setting production cannot do without, with the environment variable operators set. */
    public record Setting(String property, String environmentVariable, boolean secret) {

        public static Setting of(String property, String environmentVariable) {
            return new Setting(property, environmentVariable, false);
        }

        public static Setting secret(String property, String environmentVariable) {
            return new Setting(property, environmentVariable, true);
        }

        String named() {
            return environmentVariable + " (" + property + ")";
        }
    }

    private StartupRules() {
    }

    /**
     * @param profiles the active profiles
     * @param settings the application's resolved settings (null when absent)
     * @param required what production needs
     * @return in dev, the dev key ring as settings under {@link #DEV_KEYS} to add; else empty
     * @throws IllegalStateException naming every missing or published setting
     */
    public static Optional<Map<String, String>> check(Set<String> profiles, Function<String, String> settings,
                                                      List<Setting> required) {
        if (profiles.contains(DEV) && profiles.contains(PROD)) {
            throw new IllegalStateException("The dev and prod profiles exclude each other (active: " + profiles
                    + "): dev brings simulators and generated keys that production must never have. Start with one of them.");
        }
        if (profiles.contains(DEV)) {
            String directory = settings.apply(DEV_KEY_DIR);
            if (directory == null || directory.isBlank()) {
                throw new IllegalStateException("The dev profile needs " + DEV_KEY_DIR + " (or ETAX_DATA_DIR) for its keys");
            }
            Map<String, String> keys = new LinkedHashMap<>();
            DevKeyRing.loadOrCreate(Path.of(directory)).forEach((name, value) -> keys.put(DEV_KEYS + name, value));
            return Optional.of(keys);
        }
        List<String> problems = new ArrayList<>();
        List<Setting> missing = required.stream().filter(setting -> blank(settings.apply(setting.property()))).toList();
        if (!missing.isEmpty()) {
            problems.add("missing setting " + missing.stream().map(Setting::named).collect(Collectors.joining(", ")));
        }
        List<Setting> published = required.stream().filter(Setting::secret)
                .filter(setting -> !blank(settings.apply(setting.property())))
                .filter(setting -> PUBLISHED_KEYS.contains(fingerprint(settings.apply(setting.property()))))
                .toList();
        if (!published.isEmpty()) {
            problems.add("published development key in " + published.stream().map(Setting::named)
                    .collect(Collectors.joining(", ")) + ": make new keys");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Production rules apply (no dev profile active): " + String.join("; ", problems)
                    + ". See docs/operations.md; for development start with --spring.profiles.active=dev.");
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Of the key's Base64 body, so PEM armour and line breaks do not hide a published key. */
    static String fingerprint(String key) {
        String body = key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
