package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;

/** PWD-4: the person changed their password in the account center, in the given session. */
public record PasswordChanged(PersonId personId, SessionId sessionId) {
}
