package gov.etax.identity.command.authorization.reject;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.RelationshipRole;

/** ACC-4: the finance manager reported to the tax authority confirms the pending authorization and cannot reject it. */
public final class FinanceManagerCannotReject {

    private FinanceManagerCannotReject() {
    }

    public static void check(RelationshipRole role) {
        if (role == RelationshipRole.FINANCE_MANAGER) {
            throw AuthorizationReason.FINANCE_MANAGER_CANNOT_REJECT.refusal();
        }
    }
}
