package gov.etax.identity.command.authorization.revoke;

import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ending a relationship in force (ACC-6, ACC-7, ACC-1). */
class EndingTest extends AuthorizationFixture {

    private final AuthorizationConfirmed confirmed =
            new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null);

    @BeforeEach
    void active() {
        inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        facts.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
    }

    @Test
    @DisplayName("ACC-6: the legal representative removes a tax officer; who, from which side and why are recorded")
    void enterpriseRemovesStaff() {
        fixture.given(nominated(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.ENTERPRISE,
                        as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), null, EndReason.LEFT_ENTERPRISE))
                .expectEvents(new RelationshipRevoked(id, EndingSide.ENTERPRISE, legalRepresentative.value(), uscc,
                        EndReason.LEFT_ENTERPRISE));
    }

    @Test
    @DisplayName("ACC-6, ACC-2: a tax officer cannot remove another tax officer")
    void staffCannotRemoveStaff() {
        PersonId officer = facts.register(document());
        fixture.given(nominated(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.ENTERPRISE, as(officer, RelationshipRole.TAX_OFFICER),
                        null, EndReason.OTHER))
                .expectException(refusal(AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-7: the person who left ends it from their own side; nobody else can from the person side")
    void personLeaves() {
        fixture.given(nominated(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.PERSON, new Actor(stranger, null), null,
                        EndReason.LEFT_ENTERPRISE))
                .expectException(refusal(AuthorizationReason.NOT_THE_HOLDER));
        fixture.given(nominated(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.PERSON, new Actor(nominee, null), null,
                        EndReason.LEFT_ENTERPRISE))
                .expectEvents(new RelationshipRevoked(id, EndingSide.PERSON, nominee.value(), null,
                        EndReason.LEFT_ENTERPRISE));
    }

    @Test
    @DisplayName("ACC-6, ACC-7: tax authority staff end it at a service hall")
    void serviceHall() {
        fixture.given(nominated(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.DUTIES_CHANGED))
                .expectEvents(new RelationshipRevoked(id, EndingSide.TAX_AUTHORITY, "staff-7", null,
                        EndReason.DUTIES_CHANGED));
    }

    @Test
    @DisplayName("ACC-6: a pending authorization is withdrawn, not removed; an ended one cannot be ended again")
    void onlyActiveRelationshipsEnd() {
        fixture.given(nominated())
                .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.OTHER))
                .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_ACTIVE));
        fixture.given(nominated(), confirmed, new RelationshipRevoked(id, EndingSide.PERSON, nominee.value(), null,
                        EndReason.LEFT_ENTERPRISE))
                .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.OTHER))
                .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_ACTIVE));
    }

    @Test
    @DisplayName("ACC-6: the reason LEGAL_REPRESENTATIVE_CHANGED is the system's own, never a caller's")
    void systemReasonRefused() {
        fixture.given(nominated(), confirmed)
                .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7",
                        EndReason.LEGAL_REPRESENTATIVE_CHANGED))
                .expectException(refusal(AuthorizationReason.INVALID_END_REASON));
    }

    @Test
    @DisplayName("ACC-1: the legal representative is never removed, only succeeded")
    void legalRepresentativeNotRemovable() {
        AuthorizationId lr = AuthorizationId.generate();
        fixture.given(new LegalRepresentativeBound(lr, enterpriseId, uscc, legalRepresentative,
                        DocumentType.RESIDENT_IDENTITY_CARD, vault.seal(lr, lrDocument.value()), vault.seal(lr, "张总"),
                        LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION, "staff-1"))
                .when(new RevokeRelationship(lr, EndingSide.PERSON, new Actor(legalRepresentative, null), null,
                        EndReason.LEFT_ENTERPRISE))
                .expectException(refusal(AuthorizationReason.LEGAL_REPRESENTATIVE_NOT_REMOVABLE));
    }
}
