package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an authorization's end of validity (有效期止) has passed; sent by the expiry sweeper. */
public record ExpireAuthorization(@TargetAggregateIdentifier AuthorizationId authorizationId) {
}
