package gov.etax.identity.command.person.offline;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.person.offline.OfflineCollectionRecords;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.PersonName;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code offline_collection} rows for the REG-3 gate ({@link JdbcOfflineCollections} reads them). The
 * collection's personal data is sealed by the PersonalDataVault under a key of its own (subject = the
 * collection id).
 */
@Component
public class JdbcOfflineCollectionRecords implements OfflineCollectionRecords {

    private static final String UPDATE = "UPDATE offline_collection SET collected_at = ?, collected_by = ?, "
            + "collection_id = ?, hall = ?, name_hash = ? WHERE document_hash = ?";

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;

    public JdbcOfflineCollectionRecords(JdbcTemplate jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public void putOnRecord(OfflineCollectionId collectionId, DocumentNumber document, PersonName name, String hall,
                            String collectedBy, Instant collectedAt) {
        String hash = lookupHash.of(document);
        String nameHash = lookupHash.of(name);
        Object[] values = {Timestamp.from(collectedAt), collectedBy, collectionId.value(), hall, nameHash, hash};
        if (jdbc.update(UPDATE, values) > 0) {
            return;
        }
        // Plain SQL that PostgreSQL and H2 (PostgreSQL mode) both run; a concurrent first collection
        // of the same document makes the insert do nothing, and the update then overwrites it.
        int inserted = jdbc.update("INSERT INTO offline_collection (document_hash, collected_at, collected_by, "
                        + "collection_id, hall, name_hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                hash, Timestamp.from(collectedAt), collectedBy, collectionId.value(), hall, nameHash);
        if (inserted == 0) {
            jdbc.update(UPDATE, values);
        }
    }
}
