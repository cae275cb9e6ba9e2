package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;

/**
 * A person logged in at an entry with a method and got a session (LOGIN-1, LOGIN-5).
 *
 * @param actingFor the enterprise and role of an enterprise or agent session (PWD-1), else null
 */
public record LoginSucceeded(PersonId personId, SessionId sessionId, LoginEntry entry, AuthenticationMethod method,
                             boolean passwordChangeRequired, ActingFor actingFor) {
}
