package gov.etax.identity.command.specialsubject;

import gov.etax.identity.command.authorization.Relationships.ActiveRelationship;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * LOGIN-6: a cross-region matter shows only to its enterprise's legal representative, finance
 * manager, main or sub identity tax officer, or to the handler named in the report with both name
 * and phone matching.
 */
public final class MatterVisibility {

    static final Set<RelationshipRole> ENTITLED_ROLES =
            EnumSet.of(RelationshipRole.LEGAL_REPRESENTATIVE, RelationshipRole.FINANCE_MANAGER, RelationshipRole.TAX_OFFICER);

    private MatterVisibility() {
    }

    /** The role that entitles the person, "HANDLER", or null when the matter stays hidden. */
    public static String why(MatterRegister.Matter matter, List<ActiveRelationship> relationships, boolean isHandler) {
        return relationships.stream()
                .filter(r -> r.uscc().equals(matter.enterprise()) && ENTITLED_ROLES.contains(r.role()))
                .map(r -> r.role().name())
                .findFirst()
                .orElse(isHandler ? "HANDLER" : null);
    }

    public static String requireFragment(String fragment) {
        String trimmed = fragment == null ? "" : fragment.trim();
        if (trimmed.length() < 4 || !trimmed.matches("[A-Za-z0-9]+")) {
            throw SpecialSubjectReason.MATTER_FRAGMENT_TOO_SHORT.refusal();
        }
        return trimmed.toUpperCase(java.util.Locale.ROOT);
    }

    public static String requireNumber(String matterNumber) {
        String trimmed = matterNumber == null ? "" : matterNumber.trim().toUpperCase(java.util.Locale.ROOT);
        if (!trimmed.matches("[A-Z0-9]{10,30}")) {
            throw SpecialSubjectReason.INVALID_MATTER_NUMBER.refusal();
        }
        return trimmed;
    }
}
