package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;

/** The nominating side took the pending request back before it was confirmed. */
public record AuthorizationWithdrawn(AuthorizationId authorizationId, PersonId withdrawnBy, Uscc withdrawnFor) {
}
