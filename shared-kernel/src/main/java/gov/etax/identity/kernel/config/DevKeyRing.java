package gov.etax.identity.kernel.config;

import gov.etax.identity.kernel.privacy.AesGcm;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The keys of the {@code dev} profile: made at the first start into a directory and read back by
 * every later start, so the command side and the query side (which share the master key and the
 * staff key pair) agree whichever starts first. Nothing here is ever committed or built in.
 */
public final class DevKeyRing {

    public static final String FILE_NAME = "dev-keys.properties";
    public static final String MASTER_KEY = "master-key";
    public static final String LOOKUP_KEY = "lookup-key";
    public static final String SESSION_SIGNING_KEY = "session-signing-key";
    public static final String STAFF_SIGNING_KEY = "staff-signing-key";
    public static final String STAFF_PUBLIC_KEY = "staff-public-key";

    private static final List<String> NAMES =
            List.of(MASTER_KEY, LOOKUP_KEY, SESSION_SIGNING_KEY, STAFF_SIGNING_KEY, STAFF_PUBLIC_KEY);

    private DevKeyRing() {
    }

    /**
     * The keys in {@code directory}, made there first when absent. A file lock serializes the
     * processes, the class lock the applications of one JVM (a JVM may not lock a file twice).
     */
    public static synchronized Map<String, String> loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE_NAME);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(FILE_NAME + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(file)) {
                    write(file, generate());
                }
                return read(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev keys in " + directory.toAbsolutePath(), e);
        }
    }

    private static Map<String, String> generate() {
        Map<String, String> keys = new TreeMap<>();
        keys.put(MASTER_KEY, Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded()));
        keys.put(LOOKUP_KEY, Base64.getEncoder().encodeToString(AesGcm.newKey().getEncoded()));
        keys.put(SESSION_SIGNING_KEY, Base64.getEncoder().encodeToString(rsa().getPrivate().getEncoded()));
        KeyPair staff = rsa();
        keys.put(STAFF_SIGNING_KEY, Base64.getEncoder().encodeToString(staff.getPrivate().getEncoded()));
        keys.put(STAFF_PUBLIC_KEY, Base64.getEncoder().encodeToString(staff.getPublic().getEncoded()));
        return keys;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /** Written aside and moved in whole: a start that dies half-way leaves no half a key ring. */
    private static void write(Path file, Map<String, String> keys) throws IOException {
        Path draft = Files.createTempFile(file.getParent(), FILE_NAME, ".new");
        try {
            ownerOnly(draft);
            Properties properties = new Properties();
            properties.putAll(keys);
            try (Writer out = Files.newBufferedWriter(draft, StandardCharsets.ISO_8859_1)) {
                properties.store(out, "Development keys, made at the first start; never use them in production");
            }
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        Map<String, String> keys = new TreeMap<>();
        for (String name : NAMES) {
            String value = properties.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(file.toAbsolutePath() + " has no " + name
                        + ": delete the file and start again to make a new set of dev keys");
            }
            keys.put(name, value);
        }
        return keys;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's own access rules apply.
        }
    }
}
