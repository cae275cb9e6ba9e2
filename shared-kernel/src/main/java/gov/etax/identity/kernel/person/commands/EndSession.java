package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Logout: the session's tokens stop working on both sides. */
public record EndSession(@TargetAggregateIdentifier PersonId personId, SessionId sessionId) {
}
