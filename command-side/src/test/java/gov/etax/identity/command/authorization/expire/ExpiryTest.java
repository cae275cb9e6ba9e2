package gov.etax.identity.command.authorization.expire;

import static gov.etax.identity.command.authorization.AuthorizationFakes.recordedRefusal;
import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.ExpireAuthorization;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The end of validity (ACC-5, ACC-6). */
class ExpiryTest extends AuthorizationFixture {

    @Test
    @DisplayName("ACC-5: until the end of the last valid day the authorization is not due; at 00:00 CST after it, it expires")
    void expiresAtMidnightAfterValidUntil() {
        inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        AuthorizationConfirmed confirmed = new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null);
        clock.set(VALIDITY_ENDS.minus(Duration.ofSeconds(1)));
        fixture.given(nominated(), confirmed)
                .when(new ExpireAuthorization(id))
                .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_DUE));
        clock.set(VALIDITY_ENDS.plus(Duration.ofHours(3)));
        fixture.given(nominated(), confirmed)
                .when(new ExpireAuthorization(id))
                .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS));
    }

    @Test
    @DisplayName("ACC-5: an authorization that already ended does not expire")
    void endedDoesNotExpire() {
        clock.set(VALIDITY_ENDS.plus(Duration.ofDays(1)));
        fixture.given(nominated(), new AuthorizationWithdrawn(id, legalRepresentative, uscc))
                .when(new ExpireAuthorization(id))
                .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_PENDING));
    }

    @Test
    @DisplayName("ACC-6: removing a relationship already past its validity records the expiry instead")
    void removalAfterValidityRecordsExpiry() {
        inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        clock.set(VALIDITY_ENDS);
        fixture.given(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null))
                .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.OTHER))
                .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS))
                .expectException(recordedRefusal(AuthorizationReason.AUTHORIZATION_EXPIRED));
    }
}
