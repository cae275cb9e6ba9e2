package gov.etax.identity.command.authorization.nominate;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.person.PersonId;

/** ACC-1: a person who is not registered cannot be added: "该办税人员尚未注册". */
public final class NomineeMustBeRegistered {

    private NomineeMustBeRegistered() {
    }

    /** @return the registered person holding the document */
    public static PersonId check(SealedHolder nominee) {
        if (nominee.registeredAs() == null) {
            throw AuthorizationReason.STAFF_NOT_REGISTERED.refusal();
        }
        return nominee.registeredAs();
    }
}
