package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a session: its tokens stop working on both sides.
 *
 * @param authorizationId the ended relationship the session acted under (RELATIONSHIP_ENDED), else null
 */
public record EndSession(@TargetAggregateIdentifier PersonId personId, SessionId sessionId, SessionEndReason reason,
                         AuthorizationId authorizationId) {

    /** The person logged out. */
    public static EndSession logout(PersonId personId, SessionId sessionId) {
        return new EndSession(personId, sessionId, SessionEndReason.LOGOUT, null);
    }

    public static EndSession because(PersonId personId, SessionId sessionId, SessionEndReason reason) {
        return new EndSession(personId, sessionId, reason, null);
    }
}
