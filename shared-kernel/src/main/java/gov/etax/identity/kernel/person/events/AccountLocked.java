package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;

/** PWD-5: the fifth failure in a row with one method on one day locked the account until the next midnight (Asia/Shanghai). */
public record AccountLocked(PersonId personId, AuthenticationMethod method, Instant lockedUntil) {
}
