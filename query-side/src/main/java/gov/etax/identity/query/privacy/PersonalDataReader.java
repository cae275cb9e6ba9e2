package gov.etax.identity.query.privacy;

import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.HashMap;
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
 * <p>Inside a projection's batch (an Axon unit of work) each subject's key is read and unwrapped once:
 * a batch often holds several events of one person. The keys are held only until the batch ends, so a
 * key deleted later is not opened by a later batch.
 */
@Component
public class PersonalDataReader {

    private static final String BATCH = PersonalDataReader.class.getName();

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;

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

    private Optional<Opener> read(String subjectId) {
        List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> rs.getBytes(1), subjectId);
        if (wrapped.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = AesGcm.unwrap(masterKey, wrapped.get(0), subjectId);
        return Optional.of(text -> text == null ? null : AesGcm.open(key, text, subjectId));
    }

    @FunctionalInterface
    public interface Opener {
        String open(EncryptedText text);
    }
}
