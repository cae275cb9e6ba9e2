package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.Uscc;

/**
 * ACC-5: at most one pending or active authorization per enterprise, role and holder. Read before
 * deciding; the look-up table's unique key stays the guard when two nodes decide at once.
 */
public final class OneAuthorizationPerHolderAndRole {

    private OneAuthorizationPerHolderAndRole() {
    }

    public static void check(AuthorizationFacts facts, Uscc uscc, RelationshipRole role, SealedHolder holder) {
        if (facts.isClaimed(uscc, role, holder.documentHash())) {
            throw AuthorizationReason.ALREADY_AUTHORIZED.refusal();
        }
    }
}
