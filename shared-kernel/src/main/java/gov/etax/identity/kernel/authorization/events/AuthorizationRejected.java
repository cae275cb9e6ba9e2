package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;

/**
 * The nominee (or the other side of a tax agency) turned the pending authorization down (ACC-1).
 *
 * @param rejectedFor the enterprise the rejecting person acted for (tax agent relationships), else null
 */
public record AuthorizationRejected(AuthorizationId authorizationId, PersonId rejectedBy, Uscc rejectedFor) {
}
