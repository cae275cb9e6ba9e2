package gov.etax.identity.command.authorization.nominate;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.HolderSealing;
import gov.etax.identity.command.authorization.OnlyLegalRepresentativeOrFinanceManager;
import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.commands.AddInvoicingOfficer;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.refusal.CommonReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * ACC-2, ACC-1, ACC-5: the legal representative or finance manager, in an enterprise session,
 * nominates a registered person as tax officer or invoicing officer.
 */
@Service
public class StaffNomination {

    private final AuthorizationFacts facts;
    private final HolderSealing sealing;
    private final CommandGateway commandGateway;

    public StaffNomination(AuthorizationFacts facts, HolderSealing sealing, CommandGateway commandGateway) {
        this.facts = facts;
        this.sealing = sealing;
        this.commandGateway = commandGateway;
    }

    /**
     * @param role               TAX_OFFICER or INVOICING_OFFICER
     * @param taxOfficerIdentity MAIN (default) or SUB, tax officers only
     * @param scopes             function sets; empty for the role's default
     * @param validUntil         the last day of validity, yyyy-MM-dd (有效期止)
     */
    @Schema(name = "StaffNominationRequest")
    public record Nomination(String documentType, String documentNumber, String role, String taxOfficerIdentity,
                             List<String> scopes, String validUntil) {
    }

    @Schema(name = "StaffNominated")
    public record Nominated(String authorizationId, String status, String role, Set<FunctionSet> scopes,
                            LocalDate validUntil) {
    }

    public Nominated nominate(CurrentPerson caller, String usccText, Nomination nomination) {
        Uscc uscc = new Uscc(usccText);
        Actor actor = CurrentActors.of(caller);
        // Nothing about the enterprise or the nominee is revealed to anyone else (ACC-2).
        OnlyLegalRepresentativeOrFinanceManager.checkSession(actor, uscc);
        RelationshipRole role = staffRole(nomination.role());
        DocumentNumber nominee = new DocumentNumber(DocumentType.parse(nomination.documentType()),
                nomination.documentNumber());
        Set<FunctionSet> requested = functionSets(nomination.scopes());
        LocalDate validUntil = date(nomination.validUntil());
        TaxOfficerIdentity identity = role == RelationshipRole.TAX_OFFICER ? identity(nomination.taxOfficerIdentity()) : null;
        EnterpriseId enterpriseId = facts.enterpriseWith(uscc)
                .orElseThrow(AuthorizationReason.ENTERPRISE_NOT_FOUND::refusal);
        sealing.registeredWith(nominee).orElseThrow(AuthorizationReason.STAFF_NOT_REGISTERED::refusal);

        AuthorizationId id = AuthorizationId.generate();
        SealedHolder sealed = sealing.seal(id, nominee);
        Object command = role == RelationshipRole.TAX_OFFICER
                ? new AddTaxOfficer(id, enterpriseId, uscc, sealed, identity, requested, validUntil, actor)
                : new AddInvoicingOfficer(id, enterpriseId, uscc, sealed, requested, validUntil, actor);
        commandGateway.sendAndWait(command);
        return new Nominated(id.value(), "PENDING", role.name(), ScopesOfRole.grantFor(role, requested), validUntil);
    }

    private static RelationshipRole staffRole(String role) {
        if ("TAX_OFFICER".equalsIgnoreCase(trimmed(role))) {
            return RelationshipRole.TAX_OFFICER;
        }
        if ("INVOICING_OFFICER".equalsIgnoreCase(trimmed(role))) {
            return RelationshipRole.INVOICING_OFFICER;
        }
        throw AuthorizationReason.INVALID_STAFF_ROLE.refusal();
    }

    private static TaxOfficerIdentity identity(String identity) {
        if (identity == null || identity.isBlank()) {
            return TaxOfficerIdentity.MAIN;
        }
        try {
            return TaxOfficerIdentity.valueOf(identity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AuthorizationReason.INVALID_STAFF_ROLE.refusal("taxOfficerIdentity is MAIN or SUB.");
        }
    }

    /** Function-set names; unknown names are refused, none means the role's default. */
    public static Set<FunctionSet> functionSets(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        EnumSet<FunctionSet> sets = EnumSet.noneOf(FunctionSet.class);
        for (String name : names) {
            try {
                sets.add(FunctionSet.valueOf(trimmed(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw AuthorizationReason.INVALID_SCOPE.refusal("Unknown function set: " + name);
            }
        }
        return Set.copyOf(sets);
    }

    /** The end date of validity; required (ACC-5). */
    public static LocalDate date(String validUntil) {
        if (validUntil == null || validUntil.isBlank()) {
            throw AuthorizationReason.VALID_UNTIL_REQUIRED.refusal();
        }
        try {
            return LocalDate.parse(validUntil.strip());
        } catch (DateTimeParseException e) {
            throw CommonReason.MALFORMED_REQUEST.refusal("validUntil is a date, yyyy-MM-dd.");
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
