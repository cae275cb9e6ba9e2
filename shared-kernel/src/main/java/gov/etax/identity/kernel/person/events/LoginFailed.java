package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PersonId;

/**
 * A login attempt of a known person failed.
 *
 * @param consecutiveFailures failures in a row with this method today, this one included (PWD-5)
 */
public record LoginFailed(PersonId personId, LoginEntry entry, AuthenticationMethod method, LoginFailure reason,
                          int consecutiveFailures) {
}
