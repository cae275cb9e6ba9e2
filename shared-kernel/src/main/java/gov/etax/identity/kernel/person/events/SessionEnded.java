package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;

/** The person logged out: every token of the session stops working, on both sides. */
public record SessionEnded(PersonId personId, SessionId sessionId) {
}
