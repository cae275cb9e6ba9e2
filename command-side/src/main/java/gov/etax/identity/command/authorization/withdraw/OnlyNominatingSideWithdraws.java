package gov.etax.identity.command.authorization.withdraw;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.OnlyLegalRepresentativeOrFinanceManager;
import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.time.Instant;

/**
 * A pending request can be withdrawn before it is confirmed (facts from outside the FAQ), by the
 * side that made it: the legal representative or finance manager of the nominating enterprise
 * (ACC-2). The finance manager's authorization comes from the tax authority's data (ACC-4).
 */
public final class OnlyNominatingSideWithdraws {

    private OnlyNominatingSideWithdraws() {
    }

    public static void check(RelationshipRole role, Uscc nominatingEnterprise, Actor actor, Relationships relationships,
                             Instant now) {
        if (role == RelationshipRole.FINANCE_MANAGER || role == RelationshipRole.LEGAL_REPRESENTATIVE) {
            throw AuthorizationReason.FINANCE_MANAGER_REPORT_NOT_WITHDRAWABLE.refusal();
        }
        OnlyLegalRepresentativeOrFinanceManager.check(actor, nominatingEnterprise, relationships, now);
    }
}
