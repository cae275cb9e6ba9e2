package gov.etax.identity.command.person.offline;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.events.OfflineRealNameCollected;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * REG-3: a collection puts its document on record for the registration gate, in the transaction of
 * the command that recorded it (a subscribing processor). The event holds the document and name
 * sealed under the collection's own key; they are opened here only to be hashed.
 */
@Component
public class OfflineCollectionLookup {

    private final OfflineCollectionRecords records;
    private final PersonalDataVault vault;

    public OfflineCollectionLookup(OfflineCollectionRecords records, PersonalDataVault vault) {
        this.records = records;
        this.vault = vault;
    }

    @EventHandler
    public void on(OfflineRealNameCollected event, @Timestamp Instant collectedAt) {
        PersonalDataVault.Opener opener = vault.openerFor(event.collectionId().value()).orElseThrow();
        records.putOnRecord(event.collectionId(),
                new DocumentNumber(event.documentType(), opener.open(event.documentNumber())),
                new PersonName(opener.open(event.name())), event.hall(), event.collectedBy(), collectedAt);
    }
}
