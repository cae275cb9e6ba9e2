package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The nominating side takes a pending request back before it is confirmed. */
public record WithdrawAuthorization(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        Actor withdrawnBy) {
}
