package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.authorization.AuthorizationFakes.recordedRefusal;
import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.authorization.commands.RejectAuthorization;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.commands.WithdrawAuthorization;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused.Attempt;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reported finance manager's authorization (ACC-4, ACC-6, ACC-7). */
class FinanceManagerAuthorizationTest extends AuthorizationFixture {

    private final DocumentNumber reportedDocument = document();

    /** The pending authorization as its look-up table holds it once reported. */
    @BeforeEach
    void claimed() {
        facts.claim(id, uscc, RelationshipRole.FINANCE_MANAGER, reportedDocument);
    }

    private FinanceManagerReported reported() {
        return new FinanceManagerReported(id, enterpriseId, uscc, null, DocumentType.RESIDENT_IDENTITY_CARD,
                vault.seal(id, reportedDocument.value()), vault.seal(id, "李会计"), "staff-1");
    }

    @Test
    @DisplayName("ACC-4: the reported finance manager cannot reject the pending authorization")
    void cannotReject() {
        PersonId person = facts.register(reportedDocument);
        fixture.given(reported())
                .when(new RejectAuthorization(id, new Actor(person, null)))
                .expectException(refusal(AuthorizationReason.FINANCE_MANAGER_CANNOT_REJECT))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-4: reported before registering, the finance manager registers and confirms; recognised by document")
    void confirmsAfterRegistering() {
        PersonId person = facts.register(reportedDocument);
        fixture.given(reported())
                .when(new ConfirmAuthorization(id, new Actor(person, null), false, "face-scan-3"))
                .expectEvents(new AuthorizationConfirmed(id, person, null, Confirmation.FACE_SCAN, "face-scan-3"));
    }

    @Test
    @DisplayName("ACC-4: nobody else confirms for the finance manager, not even the legal representative")
    void onlyTheFinanceManager() {
        facts.register(reportedDocument);
        fixture.given(reported())
                .when(new ConfirmAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                        true, null))
                .expectEvents(new AuthorizationConfirmationRefused(id, legalRepresentative, Attempt.CONFIRMATION))
                .expectException(recordedRefusal(AuthorizationReason.NOT_THE_NOMINEE));
    }

    @Test
    @DisplayName("ACC-4: the finance manager's authorization comes from the tax authority and is not withdrawn online")
    void notWithdrawable() {
        fixture.given(reported())
                .when(new WithdrawAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                .expectException(refusal(AuthorizationReason.FINANCE_MANAGER_REPORT_NOT_WITHDRAWABLE));
    }

    @Test
    @DisplayName("ACC-6: the enterprise side does not remove the finance manager; the person (ACC-7) or a service hall does")
    void endedByPersonOrHall() {
        PersonId person = facts.register(reportedDocument);
        AuthorizationConfirmed confirmed = new AuthorizationConfirmed(id, person, null, Confirmation.FACE_SESSION, null);
        fixture.given(reported(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.ENTERPRISE,
                        as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), null, EndReason.LEFT_ENTERPRISE))
                .expectException(refusal(AuthorizationReason.NOT_REMOVABLE_FROM_THIS_SIDE));
        fixture.given(reported(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.PERSON, new Actor(person, null), null,
                        EndReason.LEFT_ENTERPRISE))
                .expectEvents(new RelationshipRevoked(id, EndingSide.PERSON, person.value(), null,
                        EndReason.LEFT_ENTERPRISE));
    }
}
