package gov.etax.identity.command.privacy;

import gov.etax.identity.command.privacy.PrivacyProperties;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.privacy.AesGcm;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Data keys in {@code personal_data_key}, each wrapped by the master key and bound to its subject. */
@Component
public class JdbcPersonalDataVault implements PersonalDataVault {

    private final JdbcTemplate jdbc;
    private final SecretKey masterKey;
    private final Clock clock;

    public JdbcPersonalDataVault(JdbcTemplate jdbc, PrivacyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = properties.masterSecretKey();
        this.clock = clock;
    }

    @Override
    public Sealer sealerFor(String subject) {
        SecretKey dataKey = existingKey(subject);
        if (dataKey == null) {
            dataKey = AesGcm.newKey();
            jdbc.update("INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                    subject, AesGcm.wrap(masterKey, dataKey, subject), Timestamp.from(clock.instant()));
        }
        SecretKey key = dataKey;
        return plaintext -> AesGcm.seal(key, plaintext, subject);
    }

    @Override
    public Sealer sealerForNew(String subject) {
        SecretKey dataKey = AesGcm.newKey();
        // ON CONFLICT DO NOTHING without a target: both PostgreSQL and H2 parse it (docs/adr/0003).
        int inserted = jdbc.update("INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", subject, AesGcm.wrap(masterKey, dataKey, subject), Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return sealerFor(subject);
        }
        return plaintext -> AesGcm.seal(dataKey, plaintext, subject);
    }

    @Override
    public Optional<Opener> openerFor(String subject) {
        SecretKey key = existingKey(subject);
        return key == null ? Optional.empty()
                : Optional.of(text -> text == null ? null : AesGcm.open(key, text, subject));
    }

    private SecretKey existingKey(String subject) {
        List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> rs.getBytes(1), subject);
        return wrapped.isEmpty() ? null : AesGcm.unwrap(masterKey, wrapped.get(0), subject);
    }
}
