package gov.etax.identity.command.authorization.withdraw;

import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.WithdrawAuthorization;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Withdrawing a pending request (ACC-2, ACC-5). */
class WithdrawalTest extends AuthorizationFixture {

    @Test
    @DisplayName("ACC-2: the nominating enterprise's legal representative or finance manager withdraws a pending request")
    void nominatingSideWithdraws() {
        facts.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        fixture.given(nominated())
                .when(new WithdrawAuthorization(id, as(financeManager, RelationshipRole.FINANCE_MANAGER)))
                .expectEvents(new AuthorizationWithdrawn(id, financeManager, uscc));
    }

    @Test
    @DisplayName("ACC-2: the nominee or anyone outside the enterprise's LR/FM cannot withdraw; nothing is recorded")
    void othersCannotWithdraw() {
        fixture.given(nominated())
                .when(new WithdrawAuthorization(id, new Actor(nominee, null)))
                .expectException(refusal(AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-5: a confirmed authorization is no longer withdrawn (409)")
    void confirmedIsNotWithdrawn() {
        fixture.given(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null))
                .when(new WithdrawAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_PENDING));
    }
}
