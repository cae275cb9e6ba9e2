package gov.etax.identity.command.person.offline;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.PersonName;
import java.time.Instant;

/**
 * Where offline real-name collections (REG-3) are kept for the registration gate, written by
 * {@link OfflineCollectionLookup} from their events, in the command's transaction.
 */
public interface OfflineCollectionRecords {

    /**
     * Puts the document on record (table {@code offline_collection}, keyed by the document's HMAC).
     * A later collection of the same document replaces the row; every collection stays an event.
     * The name is kept as a keyed hash, for registration to check it names the same person.
     */
    void putOnRecord(OfflineCollectionId collectionId, DocumentNumber document, PersonName name, String hall,
                     String collectedBy, Instant collectedAt);

}
