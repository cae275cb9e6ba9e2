package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;

/**
 * The session ended: every token of it stops working, on both sides, and its open streams close.
 *
 * @param reason          why; absent (null) in events written before reasons were recorded, read as LOGOUT
 * @param authorizationId the relationship whose end ended the session (RELATIONSHIP_ENDED), else null
 */
public record SessionEnded(PersonId personId, SessionId sessionId, SessionEndReason reason,
                           AuthorizationId authorizationId) {
}
