package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.util.Optional;

/** Pending authorizations a person may confirm at the enterprise login page (ACC-4). */
public interface PendingAuthorizations {

    /** The person's pending finance-manager authorization for the enterprise, if any. */
    Optional<AuthorizationId> financeManagerPendingFor(PersonId person, Uscc enterprise);
}
