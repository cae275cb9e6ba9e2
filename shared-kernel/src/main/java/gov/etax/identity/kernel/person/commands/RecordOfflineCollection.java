package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.privacy.EncryptedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * REG-3: tax authority staff record that real-name information was collected at a tax service
 * hall for a document, so that its holder may register online. The document number and name are
 * already sealed under the collection's own data key.
 *
 * @param hall        the tax service hall where it was collected
 * @param collectedBy the staff member (subject of the staff token)
 */
public record RecordOfflineCollection(
        @TargetAggregateIdentifier OfflineCollectionId collectionId,
        DocumentType documentType,
        EncryptedText documentNumber,
        EncryptedText name,
        String hall,
        String collectedBy) {
}
