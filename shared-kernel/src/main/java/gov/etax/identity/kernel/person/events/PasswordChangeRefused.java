package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;

/**
 * PWD-4: a password change in the account center gave a wrong current password. Does not count
 * toward the login lockout (PWD-5); the fifth in one session ends that session.
 *
 * @param failuresInSession wrong current passwords in this session, this one included
 */
public record PasswordChangeRefused(PersonId personId, SessionId sessionId, int failuresInSession) {
}
