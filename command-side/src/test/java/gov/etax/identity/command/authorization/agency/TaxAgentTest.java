package gov.etax.identity.command.authorization.agency;

import static gov.etax.identity.command.authorization.AuthorizationFakes.capture;
import static gov.etax.identity.command.authorization.AuthorizationFakes.recordedRefusal;
import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.authorization.commands.RequestTaxAgency;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused.Attempt;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tax agent relationships (ACC-1, ACC-2, ACC-6). */
class TaxAgentTest extends AuthorizationFixture {

    private final Uscc agency = uscc("000000003");
    private final EnterpriseId agencyId = EnterpriseId.generate();
    private final DocumentNumber agencyLrDocument = document();
    private final DocumentNumber agentDocument = document();
    private PersonId agencyLr;
    private PersonId agent;

    @BeforeEach
    void agency() {
        agencyLr = facts.register(agencyLrDocument);
        agent = facts.register(agentDocument);
        inForce(AuthorizationId.generate(), agency, RelationshipRole.LEGAL_REPRESENTATIVE, agencyLrDocument);
        inForce(AuthorizationId.generate(), agency, RelationshipRole.TAX_OFFICER, agentDocument);
    }

    private RequestTaxAgency request(AgencySide side, Actor actor, DocumentNumber agentDocument) {
        return new RequestTaxAgency(id, enterpriseId, uscc, agencyId, agency, sealed(agentDocument), Set.of(), VALID_UNTIL,
                side, actor);
    }

    private TaxAgencyRequested requested(AgencySide side, PersonId by) {
        return new TaxAgencyRequested(id, enterpriseId, uscc, agencyId, agency, FunctionSet.taxSets(), VALID_UNTIL,
                agent, DocumentType.RESIDENT_IDENTITY_CARD, vault.seal(id, agentDocument.value()), side, by,
                RelationshipRole.LEGAL_REPRESENTATIVE);
    }

    @Test
    @DisplayName("ACC-2: the client's legal representative asks for a tax agent of the agency; the agency then confirms")
    void clientAsksAgencyConfirms() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(request(AgencySide.CLIENT, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                        agentDocument))
                .expectEventsMatching(capture(events));
        TaxAgencyRequested requested = (TaxAgencyRequested) events.get(0);
        assertThat(requested.initiatedBy()).isEqualTo(AgencySide.CLIENT);
        assertThat(requested.holderPersonId()).isEqualTo(agent);
        assertThat(requested.scopes()).isEqualTo(FunctionSet.taxSets());

        Actor agencySide = new Actor(agencyLr, new ActingFor(agency, RelationshipRole.LEGAL_REPRESENTATIVE));
        fixture.given(requested(AgencySide.CLIENT, legalRepresentative))
                .when(new ConfirmAuthorization(id, agencySide, false, null))
                .expectEvents(new AuthorizationConfirmed(id, agencyLr, agency, Confirmation.ENTERPRISE_SESSION, null));
    }

    @Test
    @DisplayName("ACC-1: the side that asked cannot confirm its own request; the attempt is recorded")
    void askingSideCannotConfirm() {
        fixture.given(requested(AgencySide.CLIENT, legalRepresentative))
                .when(new ConfirmAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                        true, null))
                .expectEvents(new AuthorizationConfirmationRefused(id, legalRepresentative, Attempt.CONFIRMATION))
                .expectException(recordedRefusal(AuthorizationReason.NOT_THE_OTHER_SIDE));
    }

    @Test
    @DisplayName("ACC-1: the agent must be in force as staff of the agency, so nobody becomes agent personnel without consent")
    void agentWorksForAgency() {
        fixture.givenNoPriorActivity()
                .when(request(AgencySide.AGENCY, new Actor(agencyLr, new ActingFor(agency,
                        RelationshipRole.LEGAL_REPRESENTATIVE)), nomineeDocument))
                .expectException(refusal(AuthorizationReason.AGENT_NOT_AT_AGENCY));
    }

    @Test
    @DisplayName("ACC-6: the agency's legal representative ends an active tax agent relationship, recorded as the AGENCY side")
    void agencyEnds() {
        inForce(id, uscc, RelationshipRole.TAX_AGENT, agentDocument);
        fixture.given(requested(AgencySide.CLIENT, legalRepresentative),
                        new AuthorizationConfirmed(id, agencyLr, agency, Confirmation.ENTERPRISE_SESSION, null))
                .when(new RevokeRelationship(id, EndingSide.ENTERPRISE, new Actor(agencyLr,
                        new ActingFor(agency, RelationshipRole.LEGAL_REPRESENTATIVE)), null,
                        EndReason.AGENCY_CONTRACT_ENDED))
                .expectEvents(new RelationshipRevoked(id, EndingSide.AGENCY, agencyLr.value(), agency,
                        EndReason.AGENCY_CONTRACT_ENDED));
    }
}
