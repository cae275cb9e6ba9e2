package gov.etax.identity.command.enterprise.financemanager;

import gov.etax.identity.command.authorization.AuthorizationClaims;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;

/** ACC-4: a new report of the finance manager names someone other than the one reported now. */
public final class FinanceManagerMustChange {

    private FinanceManagerMustChange() {
    }

    public static void check(AuthorizationClaims claims, Uscc uscc, DocumentNumber newFinanceManager) {
        if (claims.isClaimed(uscc, RelationshipRole.FINANCE_MANAGER, newFinanceManager)) {
            throw EnterpriseReason.SAME_FINANCE_MANAGER.refusal();
        }
    }
}
