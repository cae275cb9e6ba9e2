package gov.etax.identity.command.authorization.revoke;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.OnlyLegalRepresentativeOrFinanceManager;
import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Who ends a relationship, and from which side:
 * <ul>
 * <li>ACC-6: the legal representative or finance manager removes tax officers, invoicing officers
 * and tax agents from "existing tax staff" (side ENTERPRISE; for a tax agent also the agency's,
 * side AGENCY), or staff do it at a service hall (TAX_AUTHORITY);</li>
 * <li>ACC-7: the person who left removes it from "authorized enterprises" (PERSON), or at a hall;</li>
 * <li>ACC-1: the legal representative follows the enterprise's data and is never removed, only succeeded.</li>
 * </ul>
 */
public final class WhoMayEnd {

    private WhoMayEnd() {
    }

    /**
     * @param isHolder whether the actor is the relationship's holder (asked only for the PERSON side)
     * @return the side to record: ENTERPRISE becomes AGENCY when the actor acts for the agency
     */
    public static EndingSide check(EndingSide side, Actor actor, String staffId, EndReason reason, RelationshipRole role,
                                   Uscc enterprise, Uscc agency, BooleanSupplier isHolder,
                                   Relationships relationships, Instant now) {
        if (role == RelationshipRole.LEGAL_REPRESENTATIVE) {
            throw AuthorizationReason.LEGAL_REPRESENTATIVE_NOT_REMOVABLE.refusal();
        }
        if (reason == null || !reason.mayBeGivenByCaller()) {
            throw AuthorizationReason.INVALID_END_REASON.refusal();
        }
        switch (side) {
            case TAX_AUTHORITY -> {
                if (staffId == null || staffId.isBlank()) {
                    throw new IllegalArgumentException("a service-hall removal names the staff member");
                }
                return EndingSide.TAX_AUTHORITY;
            }
            case PERSON -> {
                if (actor == null || !isHolder.getAsBoolean()) {
                    throw AuthorizationReason.NOT_THE_HOLDER.refusal();
                }
                return EndingSide.PERSON;
            }
            default -> {
                if (role == RelationshipRole.FINANCE_MANAGER) {
                    throw AuthorizationReason.NOT_REMOVABLE_FROM_THIS_SIDE.refusal();
                }
                boolean forAgency = role == RelationshipRole.TAX_AGENT && agency != null && actor != null
                        && actor.actingFor() != null && agency.equals(actor.actingFor().enterprise());
                OnlyLegalRepresentativeOrFinanceManager.check(actor, forAgency ? agency : enterprise, relationships, now);
                return forAgency ? EndingSide.AGENCY : EndingSide.ENTERPRISE;
            }
        }
    }
}
