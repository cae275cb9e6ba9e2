package gov.etax.identity.command.authorization.nominate;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import java.util.Set;

/**
 * ACC-5 and the facts from outside the FAQ: a grant carries function sets. Tax officers (and tax
 * agent personnel) get the tax function sets unless others are named; invoicing officers get
 * the invoicing sets, and never more.
 */
public final class ScopesOfRole {

    private ScopesOfRole() {
    }

    public static Set<FunctionSet> grantFor(RelationshipRole role, Set<FunctionSet> requested) {
        if (requested == null || requested.isEmpty()) {
            return role == RelationshipRole.INVOICING_OFFICER ? FunctionSet.invoicingSets() : FunctionSet.taxSets();
        }
        if (role == RelationshipRole.INVOICING_OFFICER && requested.stream().anyMatch(set -> !set.isInvoicing())) {
            throw AuthorizationReason.SCOPE_NOT_ALLOWED.refusal();
        }
        return Set.copyOf(requested);
    }
}
