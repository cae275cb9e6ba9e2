package gov.etax.identity.command.person.offline;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.commands.RecordOfflineCollection;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** REG-3: tax authority staff record an offline real-name collection made at a service hall. */
@Service
public class OfflineCollectionService {

    private final CommandGateway commandGateway;
    private final PersonalDataVault vault;

    public OfflineCollectionService(CommandGateway commandGateway, PersonalDataVault vault) {
        this.commandGateway = commandGateway;
        this.vault = vault;
    }

    @Schema(name = "OfflineCollectionRequest")
    public record Collection(String documentType, String documentNumber, String name, String hall) {
    }

    @Schema(name = "OfflineCollectionRecorded")
    public record Recorded(String collectionId, String documentType, String documentNumberMasked, String hall,
                           String collectedBy) {
    }

    /** @param staffId the subject of the staff token: who collected it */
    public Recorded record(Collection collection, String staffId) {
        DocumentNumber document = new DocumentNumber(DocumentType.parse(collection.documentType()), collection.documentNumber());
        PersonName name = new PersonName(collection.name());
        String hall = ServiceHall.check(collection.hall());
        OfflineCollectionId id = OfflineCollectionId.generate();
        // Under the collection's own key: its holder is no natural person of this system yet.
        PersonalDataVault.Sealer sealer = vault.sealerFor(id.value());
        commandGateway.sendAndWait(new RecordOfflineCollection(id, document.type(), sealer.seal(document.value()),
                sealer.seal(name.value()), hall, staffId));
        return new Recorded(id.value(), document.type().name(), document.masked(), hall, staffId);
    }
}
