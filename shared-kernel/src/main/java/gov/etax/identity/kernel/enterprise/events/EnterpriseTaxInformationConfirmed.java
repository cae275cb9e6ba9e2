package gov.etax.identity.kernel.enterprise.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;

/**
 * The tax authority confirmed the enterprise's tax information (REG-1). USCC and name are not
 * personal data; the people are in the authorizations named here, encrypted there.
 *
 * @param financeManagerAuthorizationId null when no finance manager was reported
 * @param confirmedBy                   the tax authority staff member
 */
public record EnterpriseTaxInformationConfirmed(
        EnterpriseId enterpriseId,
        Uscc uscc,
        String name,
        AuthorizationId legalRepresentativeAuthorizationId,
        AuthorizationId financeManagerAuthorizationId,
        String confirmedBy) {
}
