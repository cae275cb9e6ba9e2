package gov.etax.identity.kernel.enterprise.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tax authority staff confirm an enterprise's tax information (REG-1): the enterprise comes into
 * being, its legal representative is bound at once (ACC-3) and a reported finance manager gets a
 * pending authorization (ACC-4).
 *
 * @param financeManager                    null when none was reported
 * @param financeManagerAuthorizationId     null when no finance manager was reported
 * @param confirmedBy                       the staff member (subject of the staff token)
 */
public record ConfirmEnterpriseTaxInformation(
        @TargetAggregateIdentifier EnterpriseId enterpriseId,
        Uscc uscc,
        String name,
        SealedHolder legalRepresentative,
        SealedHolder financeManager,
        AuthorizationId legalRepresentativeAuthorizationId,
        AuthorizationId financeManagerAuthorizationId,
        String confirmedBy) {
}
