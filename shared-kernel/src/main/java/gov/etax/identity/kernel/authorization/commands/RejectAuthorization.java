package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The nominee turns a pending authorization down (ACC-1); a finance manager cannot (ACC-4). */
public record RejectAuthorization(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        Actor rejectedBy) {
}
