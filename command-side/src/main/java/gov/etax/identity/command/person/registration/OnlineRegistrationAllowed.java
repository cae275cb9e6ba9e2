package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.kernel.person.DocumentType;

/**
 * REG-3: seven document types register online directly; foreign passports and the three
 * foreigner's work permits only once real-name information was collected at a service hall.
 */
public final class OnlineRegistrationAllowed {

    private OnlineRegistrationAllowed() {
    }

    public static void check(DocumentType type, boolean collectedAtHall) {
        if (!type.mayRegisterOnline() && !collectedAtHall) {
            throw PersonReason.DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION.refusal();
        }
    }
}
