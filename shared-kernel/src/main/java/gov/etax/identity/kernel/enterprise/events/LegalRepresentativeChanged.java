package gov.etax.identity.kernel.enterprise.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.Uscc;

/** The enterprise's legal representative changed (ACC-1): one authorization ended, another began. */
public record LegalRepresentativeChanged(
        EnterpriseId enterpriseId,
        Uscc uscc,
        AuthorizationId previousAuthorizationId,
        AuthorizationId newAuthorizationId,
        LegalRepresentativeSource source,
        String changedBy) {
}
