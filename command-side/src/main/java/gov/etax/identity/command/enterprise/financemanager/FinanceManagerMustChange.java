package gov.etax.identity.command.enterprise.financemanager;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;

/** ACC-4: a new report of the finance manager names someone other than the one reported now. */
public final class FinanceManagerMustChange {

    private FinanceManagerMustChange() {
    }

    /** @param newFinanceManagerHash the lookup hash of the document the new report names */
    public static void check(AuthorizationFacts facts, Uscc uscc, String newFinanceManagerHash) {
        if (facts.isClaimed(uscc, RelationshipRole.FINANCE_MANAGER, newFinanceManagerHash)) {
            throw EnterpriseReason.SAME_FINANCE_MANAGER.refusal();
        }
    }
}
