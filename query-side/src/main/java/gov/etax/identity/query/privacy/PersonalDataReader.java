package gov.etax.identity.query.privacy;

import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens the personal data in events with the subject's data key (table {@code personal_data_key},
 * owned by the command side). A subject whose key was deleted has been forgotten: nothing opens.
 *
 * <p>Inside a projection's batch (an Axon unit of work) each subject's key is read once: a batch often
 * holds several events of one person. The openers are held only until the batch ends, so a key deleted
 * later is not opened by a later batch: the wrapped key is read again every batch.
 *
 * <p>Unwrapping it is not repeated: the data keys last unwrapped are kept, shared by all processors,
 * by subject and wrapped bytes (at most {@value #KEYS_KEPT}; docs/adr/0042). Only a wrapped key just
 * read from the table finds its entry, so a deleted key (a forgotten subject) is never opened again.
 */
@Component
public class PersonalDataReader {

    private static final String BATCH = PersonalDataReader.class.getName();
    static final int KEYS_KEPT = 20_000;

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    /** Least recently used first; a replay meets each subject in a few nearby batches of each processor. */
    private final Map<Wrapped, SecretKey> unwrapped = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Wrapped, SecretKey> eldest) {
            return size() > KEYS_KEPT;
        }
    };

    public PersonalDataReader(JdbcTemplate jdbc, Keys keys) {
        this.jdbc = jdbc;
        this.masterKey = AesGcm.keyFromBase64(keys.masterKey(), "etax.privacy.master-key");
    }

    @ConfigurationProperties("etax.privacy")
    public record Keys(String masterKey) {
    }

    /** The subject's opener, or empty when its key no longer exists. */
    public Optional<Opener> forSubject(String subjectId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return read(subjectId);
        }
        Map<String, Optional<Opener>> batch = CurrentUnitOfWork.get().root().getOrComputeResource(BATCH, key -> new HashMap<>());
        return batch.computeIfAbsent(subjectId, this::read);
    }

    /**
     * The openers of several subjects, their keys read in one round trip: a reader that goes through
     * many subjects (an export) would otherwise pay one per subject. Empty for a subject whose key no
     * longer exists.
     */
    public Map<String, Optional<Opener>> forSubjects(Collection<String> subjectIds) {
        Map<String, Optional<Opener>> openers = new HashMap<>();
        subjectIds.forEach(subject -> openers.put(subject, Optional.empty()));
        if (!subjectIds.isEmpty()) {
            jdbc.query("SELECT subject_id, wrapped_key FROM personal_data_key WHERE subject_id IN ("
                            + String.join(",", Collections.nCopies(subjectIds.size(), "?")) + ")",
                    rs -> {
                        String subject = rs.getString(1);
                        openers.put(subject, Optional.of(opener(subject, rs.getBytes(2))));
                    }, subjectIds.toArray());
        }
        return openers;
    }

    private Optional<Opener> read(String subjectId) {
        List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> rs.getBytes(1), subjectId);
        return wrapped.isEmpty() ? Optional.empty() : Optional.of(opener(subjectId, wrapped.get(0)));
    }

    private Opener opener(String subjectId, byte[] wrapped) {
        SecretKey key = unwrap(subjectId, wrapped);
        return text -> text == null ? null : AesGcm.open(key, text, subjectId);
    }

    private SecretKey unwrap(String subjectId, byte[] wrapped) {
        Wrapped entry = new Wrapped(subjectId, ByteBuffer.wrap(wrapped));
        synchronized (unwrapped) {
            SecretKey key = unwrapped.get(entry);
            if (key != null) {
                return key;
            }
        }
        SecretKey key = AesGcm.unwrap(masterKey, wrapped, subjectId);
        synchronized (unwrapped) {
            unwrapped.put(entry, key);
        }
        return key;
    }

    /** A wrapped key as stored, and whose it is (the wrapping binds it to the subject). */
    private record Wrapped(String subjectId, ByteBuffer bytes) {
    }

    @FunctionalInterface
    public interface Opener {
        String open(EncryptedText text);
    }
}
