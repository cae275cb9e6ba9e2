package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * REG-3: staff collected real-name information for a document at a tax service hall; its holder
 * may now register online even with one of the four document types that need it. Personal values
 * are encrypted under the collection's own data key (subject = the collection id), so deleting
 * that key forgets them.
 *
 * @param hall        the tax service hall (not personal data)
 * @param collectedBy the staff member who recorded it (subject of the staff token)
 */
public record OfflineRealNameCollected(
        OfflineCollectionId collectionId,
        DocumentType documentType,
        EncryptedText documentNumber,
        EncryptedText name,
        String hall,
        String collectedBy) {
}
