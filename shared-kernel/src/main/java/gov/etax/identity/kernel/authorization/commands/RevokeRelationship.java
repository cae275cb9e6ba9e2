package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a relationship in force (ACC-6, ACC-7).
 *
 * @param person  who ends it from the enterprise, agency or person side; null at the service hall
 * @param staffId the tax authority staff member at the service hall; null otherwise
 */
public record RevokeRelationship(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        EndingSide side,
        Actor person,
        String staffId,
        EndReason reason) {
}
