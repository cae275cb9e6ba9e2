package gov.etax.identity.command.authorization.expire;

import static gov.etax.identity.command.authorization.AuthorizationFakes.recordedRefusal;

import gov.etax.identity.command.authorization.AuthorizationFixture;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import gov.etax.identity.command.authorization.Authorization;
import java.lang.reflect.Field;
import java.time.Duration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The end of validity (ACC-5, ACC-6). */
class ExpiryTest extends AuthorizationFixture {

    @Test
    @DisplayName("ACC-5: until the end of the last valid day nothing happens: its end is a deadline at 00:00 CST after it")
    void notDueBeforeMidnightAfterValidUntil() {
        confirmedWithItsEndScheduled().whenTimeAdvancesTo(VALIDITY_ENDS.minus(Duration.ofSeconds(1))).expectNoEvents();
    }

    @Test
    @DisplayName("ACC-5: at 00:00 CST after the last valid day the deadline falls due and the authorization expires")
    void expiresAtMidnightAfterValidUntil() {
        confirmedWithItsEndScheduled().whenTimeAdvancesTo(VALIDITY_ENDS.plus(Duration.ofHours(3)))
                .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS));
    }

    @Test
    @DisplayName("ACC-5: an authorization that already ended does not expire")
    void endedDoesNotExpire() {
        TestExecutor<Authorization> withdrawn = fixture.givenCurrentTime(NOW)
                .andGiven(nominated(), new AuthorizationWithdrawn(id, legalRepresentative, uscc));
        validityEndScheduled();
        withdrawn.whenTimeAdvancesTo(VALIDITY_ENDS.plus(Duration.ofDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** A tax officer in force whose end of validity is scheduled. */
    private TestExecutor<Authorization> confirmedWithItsEndScheduled() {
        inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
        TestExecutor<Authorization> confirmed = fixture.givenCurrentTime(NOW)
                .andGiven(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null));
        validityEndScheduled();
        return confirmed;
    }

    /**
     * What the expire slice's event handler does on StaffNominated, into the fixture's own deadline
     * manager (which whenTimeAdvancesTo runs; the fixture does not hand it out, hence the field).
     */
    private void validityEndScheduled() {
        try {
            Field field = AggregateTestFixture.class.getDeclaredField("deadlineManager");
            field.setAccessible(true);
            new ValidityEndDeadlines((DeadlineManager) field.get(fixture)).on(nominated());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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
