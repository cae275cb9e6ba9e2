package gov.etax.identity.kernel.enterprise.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Market-regulation (or civil-affairs, social-security) data name a new legal representative
 * (ACC-1), entered by tax authority staff: the old binding ends and the new one starts at once.
 */
public record ChangeLegalRepresentative(
        @TargetAggregateIdentifier EnterpriseId enterpriseId,
        SealedHolder newLegalRepresentative,
        LegalRepresentativeSource source,
        AuthorizationId newAuthorizationId,
        String changedBy) {
}
