package gov.etax.identity.command.infrastructure.persistence;

import gov.etax.identity.command.infrastructure.config.PrivacyProperties;
import gov.etax.identity.command.person.PersonalDataVault;
import gov.etax.identity.command.person.offline.OfflineCollectionRecords;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.privacy.AesGcm;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code offline_collection} rows for the REG-3 gate ({@link JdbcOfflineCollections} reads them), and
 * a data key per collection in {@code personal_data_key} (subject = the collection id), wrapped by the
 * master key exactly as persons' keys are.
 */
@Component
public class JdbcOfflineCollectionRecords implements OfflineCollectionRecords {

    private static final String UPDATE = "UPDATE offline_collection SET collected_at = ?, collected_by = ?, "
            + "collection_id = ?, hall = ? WHERE document_hash = ?";

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final SecretKey masterKey;
    private final Clock clock;

    public JdbcOfflineCollectionRecords(JdbcTemplate jdbc, LookupHash lookupHash, PrivacyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.masterKey = properties.masterSecretKey();
        this.clock = clock;
    }

    @Override
    public void putOnRecord(OfflineCollectionId collectionId, DocumentNumber document, String hall, String collectedBy,
                            Instant collectedAt) {
        String hash = lookupHash.of(document);
        Object[] values = {Timestamp.from(collectedAt), collectedBy, collectionId.value(), hall, hash};
        if (jdbc.update(UPDATE, values) > 0) {
            return;
        }
        // Plain SQL that PostgreSQL and H2 (PostgreSQL mode) both run; a concurrent first collection
        // of the same document makes the insert do nothing, and the update then overwrites it.
        int inserted = jdbc.update("INSERT INTO offline_collection (document_hash, collected_at, collected_by, "
                        + "collection_id, hall) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                hash, Timestamp.from(collectedAt), collectedBy, collectionId.value(), hall);
        if (inserted == 0) {
            jdbc.update(UPDATE, values);
        }
    }

    @Override
    public PersonalDataVault.Sealer sealerFor(OfflineCollectionId collectionId) {
        String subject = collectionId.value();
        List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> rs.getBytes(1), subject);
        SecretKey dataKey;
        if (wrapped.isEmpty()) {
            dataKey = AesGcm.newKey();
            jdbc.update("INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                    subject, AesGcm.wrap(masterKey, dataKey, subject), Timestamp.from(clock.instant()));
        } else {
            dataKey = AesGcm.unwrap(masterKey, wrapped.get(0), subject);
        }
        SecretKey key = dataKey;
        return plaintext -> AesGcm.seal(key, plaintext, subject);
    }
}
