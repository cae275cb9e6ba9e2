package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The role a person acts in for an enterprise (LOGIN-4, ACC-8): the agent entry is for tax agent
 * personnel, the enterprise entry for the other four roles; several roles there need a choice.
 */
final class RoleChoice {

    private RoleChoice() {
    }

    /** @return null when the person holds no fitting role there */
    static ActingFor of(List<RelationshipRole> heldThere, LoginEntry entry, Uscc enterprise, String requestedRole) {
        List<RelationshipRole> fitting = heldThere.stream()
                .filter(r -> (entry == LoginEntry.AGENT) == (r == RelationshipRole.TAX_AGENT))
                .toList();
        if (requestedRole != null) {
            RelationshipRole wanted = roleOf(requestedRole);
            return fitting.contains(wanted) ? new ActingFor(enterprise, wanted) : null;
        }
        if (fitting.size() > 1) {
            throw SignInReason.ROLE_CHOICE_REQUIRED.refusal().with("roles", fitting.stream().map(Enum::name).toList());
        }
        return fitting.isEmpty() ? null : new ActingFor(enterprise, fitting.get(0));
    }

    static RelationshipRole roleOf(String role) {
        try {
            return RelationshipRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommonReason.MALFORMED_REQUEST.refusal("role is one of " + Arrays.toString(RelationshipRole.values()));
        }
    }
}
