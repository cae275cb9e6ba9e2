package gov.etax.identity.command.person.registration;

import gov.etax.identity.kernel.person.DocumentNumber;

/** Real-name information collected at a tax service hall (REG-3). */
public interface OfflineCollections {

    boolean isOnRecord(DocumentNumber document);
}
