package gov.etax.identity.command.person.registration;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Optional;

/** Real-name information collected at a tax service hall (REG-3). */
public interface OfflineCollections {

    boolean isOnRecord(DocumentNumber document);

    /** The latest collection of the document, and whether it was made under {@code name}. */
    Optional<HallCollection> find(DocumentNumber document, PersonName name);

    /**
     * @param collectionId null for a collection recorded before collections had ids
     * @param sameName the collection names the same person; true when it was recorded without a name
     */
    record HallCollection(String collectionId, boolean sameName) {
    }
}
