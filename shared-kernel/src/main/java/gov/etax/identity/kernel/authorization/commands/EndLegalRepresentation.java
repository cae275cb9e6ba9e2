package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a legal representative's binding because the enterprise's data name a new one (ACC-1).
 * Sent by the enterprise only, in the same transaction as its {@code LegalRepresentativeChanged}.
 */
public record EndLegalRepresentation(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        AuthorizationId successor,
        String changedBy) {
}
