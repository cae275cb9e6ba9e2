package gov.etax.identity.command.authorization.revoke;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.OnlyLegalRepresentativeOrFinanceManager;
import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** ACC-6, ACC-7: ending a relationship from the enterprise, the person or the service hall, with a reason. */
@Service
public class RelationshipEnding {

    private final CommandGateway commands;

    public RelationshipEnding(CommandGateway commands) {
        this.commands = commands;
    }

    /** ACC-6: 现有办税人员 → 删除, by the legal representative or finance manager (or the agency's, for a tax agent). */
    public void byEnterprise(CurrentPerson caller, String usccText, String authorizationId, String reason) {
        Uscc uscc = new Uscc(usccText);
        Actor actor = CurrentActors.of(caller);
        OnlyLegalRepresentativeOrFinanceManager.checkSession(actor, uscc);
        end(new RevokeRelationship(AuthorizationId.parse(authorizationId), EndingSide.ENTERPRISE, actor, null,
                reason(reason)));
    }

    /** ACC-7: 已授权企业 → 解除, by the person who holds the relationship. */
    public void byPerson(CurrentPerson caller, String authorizationId, String reason) {
        end(new RevokeRelationship(AuthorizationId.parse(authorizationId), EndingSide.PERSON, CurrentActors.of(caller),
                null, reason(reason)));
    }

    /** ACC-6, ACC-7: at a service hall, by tax authority staff. */
    public void byTaxAuthority(String staffId, String authorizationId, String reason) {
        end(new RevokeRelationship(AuthorizationId.parse(authorizationId), EndingSide.TAX_AUTHORITY, null, staffId,
                reason(reason)));
    }

    private void end(RevokeRelationship command) {
        commands.sendAndWait(command);
    }

    /** Reasons a caller may give; LEGAL_REPRESENTATIVE_CHANGED is the system's own. */
    static EndReason reason(String reason) {
        if (reason != null && !reason.isBlank()) {
            try {
                EndReason parsed = EndReason.valueOf(reason.strip().toUpperCase(Locale.ROOT));
                if (parsed.mayBeGivenByCaller()) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw AuthorizationReason.INVALID_END_REASON.refusal();
    }
}
