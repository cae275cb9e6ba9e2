package gov.etax.identity.kernel.enterprise.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;

/**
 * A new report of the enterprise's finance manager (ACC-4) replaced the previous one: the
 * authorization of the previous report ended, a pending one for the new person began.
 *
 * @param previousAuthorizationId the finance manager authorization of the previous report, null when none was reported
 * @param reportedBy              the tax authority staff member who entered the report
 */
public record FinanceManagerReplaced(
        EnterpriseId enterpriseId,
        Uscc uscc,
        AuthorizationId previousAuthorizationId,
        AuthorizationId newAuthorizationId,
        String reportedBy) {
}
