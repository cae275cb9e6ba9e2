package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A login attempt whose password and second factor were already checked outside the aggregate
 * (the hash and the codes never enter it). The person decides: lockout (PWD-5), then the session.
 *
 * @param failure null when every check passed
 * @param sessionId the session to open if the login succeeds
 * @param passwordChangeRequired the session may do nothing but set a new password (PWD-2, PWD-4)
 * @param actingFor enterprise and role of an enterprise or agent login, null at the natural-person entry
 */
public record RecordLoginAttempt(
        @TargetAggregateIdentifier PersonId personId,
        LoginEntry entry,
        AuthenticationMethod method,
        LoginFailure failure,
        SessionId sessionId,
        boolean passwordChangeRequired,
        ActingFor actingFor) {
}
