package gov.etax.identity.command.authorization.confirm;

import static gov.etax.identity.command.authorization.AuthorizationFakes.recordedRefusal;
import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.authorization.commands.RejectAuthorization;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused.Attempt;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationRejected;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Confirming and rejecting a pending authorization (ACC-1, ACC-4, ACC-5). */
class ConfirmationTest extends AuthorizationFixture {

    @Test
    @DisplayName("ACC-5: the nominee confirms with a face scan: ACTIVE (the relationship then in force within the granted scope: AuthorizationLookUpsH2Test)")
    void nomineeConfirmsWithFaceScan() {
        fixture.given(nominated())
                .when(new ConfirmAuthorization(id, new Actor(nominee, null), false, "face-scan-1"))
                .expectEvents(new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SCAN, "face-scan-1"));
    }

    @Test
    @DisplayName("ACC-5: no second scan when the session itself was opened by face verification")
    void faceSessionNeedsNoSecondScan() {
        fixture.given(nominated())
                .when(new ConfirmAuthorization(id, new Actor(nominee, null), true, null))
                .expectEvents(new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null));
    }

    @Test
    @DisplayName("ACC-5: a session opened with password + SMS must scan a face to confirm")
    void smsSessionMustScan() {
        fixture.given(nominated())
                .when(new ConfirmAuthorization(id, new Actor(nominee, null), false, null))
                .expectException(refusal(AuthorizationReason.FACE_VERIFICATION_REQUIRED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-1: anyone but the nominee is refused, and the attempt is the only trace: nothing else changes")
    void onlyTheNomineeConfirms() {
        fixture.given(nominated())
                .when(new ConfirmAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                        true, "face-scan-2"))
                .expectEvents(new AuthorizationConfirmationRefused(id, legalRepresentative, Attempt.CONFIRMATION))
                .expectException(recordedRefusal(AuthorizationReason.NOT_THE_NOMINEE));

        fixture.given(nominated())
                .when(new RejectAuthorization(id, new Actor(stranger, null)))
                .expectEvents(new AuthorizationConfirmationRefused(id, stranger, Attempt.REJECTION))
                .expectException(recordedRefusal(AuthorizationReason.NOT_THE_NOMINEE));
    }

    @Test
    @DisplayName("ACC-1: the nominee may turn the authorization down; the person can be nominated again")
    void nomineeRejects() {
        facts.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        fixture.given(nominated())
                .when(new RejectAuthorization(id, new Actor(nominee, null)))
                .expectEvents(new AuthorizationRejected(id, nominee, null));
    }

    @Test
    @DisplayName("ACC-5: a confirmed authorization cannot be confirmed again (409 AUTHORIZATION_NOT_PENDING)")
    void confirmedOnce() {
        fixture.given(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null))
                .when(new ConfirmAuthorization(id, new Actor(nominee, null), true, null))
                .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_PENDING))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-5: a pending authorization past its end of validity expires when confirmed, and the expiry is recorded")
    void pendingPastValidityExpiresOnConfirmation() {
        facts.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        clock.set(VALIDITY_ENDS);
        fixture.given(nominated())
                .when(new ConfirmAuthorization(id, new Actor(nominee, null), true, null))
                .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS))
                .expectException(recordedRefusal(AuthorizationReason.AUTHORIZATION_EXPIRED));
    }
}
