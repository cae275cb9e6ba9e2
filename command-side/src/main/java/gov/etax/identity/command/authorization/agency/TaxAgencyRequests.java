package gov.etax.identity.command.authorization.agency;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.HolderSealing;
import gov.etax.identity.command.authorization.nominate.ScopesOfRole;
import gov.etax.identity.command.authorization.nominate.StaffNomination;
import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.RequestTaxAgency;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Tax agent relationships: either the client or the agency asks, in an enterprise session of its
 * own enterprise as legal representative or finance manager (ACC-2); the other side confirms
 * through {@code POST /api/authorizations/{id}/confirmation}. The holder is a person of the agency
 * (ACC-1: registered and in force at the agency), who then acts for the client at the agent entry.
 */
@Service
public class TaxAgencyRequests {

    private final AuthorizationFacts facts;
    private final HolderSealing sealing;
    private final CommandGateway commandGateway;

    public TaxAgencyRequests(AuthorizationFacts facts, HolderSealing sealing, CommandGateway commandGateway) {
        this.facts = facts;
        this.sealing = sealing;
        this.commandGateway = commandGateway;
    }

    /** The path's {uscc} is the client; the agency is named here. */
    @Schema(name = "TaxAgencyRequest")
    public record Request(String agencyUscc, String agentDocumentType, String agentDocumentNumber,
                          List<String> scopes, String validUntil) {
    }

    @Schema(name = "TaxAgencyRequested")
    public record Requested(String authorizationId, String status, String initiatedBy, String awaiting,
                            Set<FunctionSet> scopes, LocalDate validUntil) {
    }

    public Requested request(CurrentPerson caller, String clientUsccText, Request request) {
        Uscc client = new Uscc(clientUsccText);
        Uscc agency = new Uscc(request.agencyUscc());
        AgencyIsNotItsOwnClient.check(client, agency);
        Actor actor = CurrentActors.of(caller);
        AgencySide side = caller.actsFor(client) ? AgencySide.CLIENT : caller.actsFor(agency) ? AgencySide.AGENCY : null;
        if (side == null || caller.enterpriseRole() == null || !caller.enterpriseRole().managesStaff()) {
            throw AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM.refusal();
        }
        DocumentNumber agent = new DocumentNumber(DocumentType.parse(request.agentDocumentType()),
                request.agentDocumentNumber());
        Set<FunctionSet> scopes = StaffNomination.functionSets(request.scopes());
        LocalDate validUntil = StaffNomination.date(request.validUntil());
        EnterpriseId clientId = facts.enterpriseWith(client).orElseThrow(AuthorizationReason.ENTERPRISE_NOT_FOUND::refusal);
        EnterpriseId agencyId = facts.enterpriseWith(agency).orElseThrow(AuthorizationReason.ENTERPRISE_NOT_FOUND::refusal);

        AuthorizationId id = AuthorizationId.generate();
        commandGateway.sendAndWait(new RequestTaxAgency(id, clientId, client, agencyId, agency, sealing.seal(id, agent), scopes,
                validUntil, side, actor));
        return new Requested(id.value(), "PENDING", side.name(), side.other().name(),
                ScopesOfRole.grantFor(RelationshipRole.TAX_AGENT, scopes), validUntil);
    }
}
