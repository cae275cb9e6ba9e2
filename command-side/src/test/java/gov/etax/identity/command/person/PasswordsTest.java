package gov.etax.identity.command.person;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.InMemoryPorts.InMemoryCredentialStore;
import gov.etax.identity.command.person.password.PasswordCredentialHandler;
import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.person.password.PasswordReason;
import gov.etax.identity.command.person.signin.SessionStore;
import gov.etax.identity.command.support.RecordedRefusals;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.events.AccountLocked;
import gov.etax.identity.kernel.person.events.SessionEnded;
import java.util.ArrayList;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.ChangePassword;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import gov.etax.identity.kernel.person.commands.ResetPassword;
import gov.etax.identity.kernel.person.events.AccountUnlocked;
import gov.etax.identity.kernel.person.events.LoginFailed;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PasswordChangeRefused;
import gov.etax.identity.kernel.person.events.PasswordChanged;
import gov.etax.identity.kernel.person.events.PasswordReset;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Forgot password (PWD-3, PWD-5 unlock) and the account-center change (PWD-4) on the NaturalPerson aggregate. */
class PasswordsTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final Instant MORNING = LocalDateTime.parse("2026-11-26T09:00:00").atZone(CST).toInstant();
    private static final Instant NEXT_MIDNIGHT = LocalDateTime.parse("2026-11-27T00:00:00").atZone(CST).toInstant();
    private static final AuthenticationMethod SMS = AuthenticationMethod.PASSWORD_SMS;
    private static final PasswordHash OLD = new PasswordHash("$argon2id$old");
    private static final PasswordHash NEW = new PasswordHash("$argon2id$new");
    private static final ProvinceCode JIANGXI = new ProvinceCode("360000");

    private final PersonId person = PersonId.generate();
    private final MutableClock clock = new MutableClock(MORNING);
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private FixtureConfiguration<NaturalPerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = RecordedRefusals.committedBy(new AggregateTestFixture<>(NaturalPerson.class));
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new Sessions());
        // The password slice's handler runs the aggregate and replaces the credential once it accepted.
        fixture.registerAnnotatedCommandHandler(new PasswordCredentialHandler(fixture.getRepository(), credentials, clock));
        credentials.store(person, OLD);
    }

    @Test
    @DisplayName("PWD-3: a reset by SMS stores the new hash, records PasswordReset(SMS) and unlocks nothing when not locked")
    void resetBySms() {
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .when(new ResetPassword(person, NEW, PasswordReset.Method.SMS))
                .expectEvents(new PasswordReset(person, PasswordReset.Method.SMS))
                .expectResultMessagePayload(false);
        assertThat(credentials.find(person)).hasValue(new CredentialStore.StoredCredential(NEW, false));
    }

    @Test
    @DisplayName("PWD-3: the new password may equal the old one")
    void resetToTheSamePassword() {
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .when(new ResetPassword(person, OLD, PasswordReset.Method.FACE))
                .expectEvents(new PasswordReset(person, PasswordReset.Method.FACE));
        assertThat(credentials.find(person)).hasValue(new CredentialStore.StoredCredential(OLD, false));
    }

    @Test
    @DisplayName("PWD-5, PWD-3: a reset unlocks a locked account at once: AccountUnlocked(PASSWORD_RESET, effectiveAt = now)")
    void resetUnlocks() {
        Instant later = MORNING.plus(Duration.ofHours(2));
        givenLocked()
                .andGivenCurrentTime(moveTo(later))
                .when(new ResetPassword(person, NEW, PasswordReset.Method.SMS))
                .expectEvents(new PasswordReset(person, PasswordReset.Method.SMS),
                        new AccountUnlocked(person, AccountUnlocked.Cause.PASSWORD_RESET, later))
                .expectResultMessagePayload(true);
    }

    @Test
    @DisplayName("PWD-5: after a reset unlocked the account, the next login is not refused as locked")
    void loginAfterResetUnlock() {
        SessionId session = SessionId.generate();
        givenLocked()
                .andGivenCommands(new ResetPassword(person, NEW, PasswordReset.Method.FACE))
                .when(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, null, session, false, null))
                .expectEvents(new LoginSucceeded(person, session, LoginEntry.NATURAL_PERSON, SMS, false, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("PWD-5: a reset after the lock's midnight records the midnight unlock first, and no reset unlock")
    void resetAfterMidnight() {
        Instant after = NEXT_MIDNIGHT.plus(Duration.ofMinutes(30));
        givenLocked()
                .andGivenCurrentTime(moveTo(after))
                .when(new ResetPassword(person, NEW, PasswordReset.Method.SMS))
                .expectEvents(new AccountUnlocked(person, AccountUnlocked.Cause.MIDNIGHT, NEXT_MIDNIGHT),
                        new PasswordReset(person, PasswordReset.Method.SMS))
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("PWD-3, PWD-5: a reset starts the day's failure counts afresh")
    void resetClearsFailureCounts() {
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(failures(4))
                .andGivenCommands(new ResetPassword(person, NEW, PasswordReset.Method.SMS))
                .when(failure())
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, 1));
    }

    @Test
    @DisplayName("PWD-4: a change with the right current password stores the new hash and records PasswordChanged")
    void change() {
        SessionId session = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .when(new ChangePassword(person, session, true, NEW))
                .expectEvents(new PasswordChanged(person, session))
                .expectSuccessfulHandlerExecution();
        assertThat(credentials.find(person)).hasValue(new CredentialStore.StoredCredential(NEW, false));
    }

    @Test
    @DisplayName("PWD-2, PWD-4: changing a migrated person's initial password clears must-change on the credential in use and its province")
    void changeInitialPassword() {
        PersonId migrated = PersonId.generate();
        credentials.storeProvince(migrated, JIANGXI, OLD, true);
        SessionId session = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(migrated(migrated))
                .when(new ChangePassword(migrated, session, true, NEW))
                .expectEvents(new PasswordChanged(migrated, session));
        assertThat(credentials.find(migrated)).hasValue(new CredentialStore.StoredCredential(NEW, false));
        assertThat(credentials.provinceAccounts(migrated))
                .containsExactly(new CredentialStore.ProvinceCredential(JIANGXI, false, true));
    }

    @Test
    @DisplayName("PWD-4: a wrong current password is refused and recorded, changes nothing and does not count toward the PWD-5 lockout")
    void wrongCurrentPassword() {
        SessionId session = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(failures(4))
                .when(new ChangePassword(person, session, false, null))
                .expectEvents(new PasswordChangeRefused(person, session, 1))
                .expectException(AggregateExpectations.refusal(PasswordReason.CURRENT_PASSWORD_WRONG, "failuresLeft", 4));
        assertThat(credentials.find(person)).hasValue(new CredentialStore.StoredCredential(OLD, false));
    }

    @Test
    @DisplayName("PWD-4: the fifth wrong current password in one session ends it; another session counts afresh")
    void fifthWrongCurrentPasswordEndsSession() {
        SessionId session = SessionId.generate();
        ChangePassword wrong = new ChangePassword(person, session, false, null);
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(refusedChanges(session, 4))
                .when(wrong)
                .expectEvents(new PasswordChangeRefused(person, session, 5),
                        new SessionEnded(person, session, SessionEndReason.CURRENT_PASSWORD_FAILURES, null))
                .expectException(AggregateExpectations.refusal(PasswordReason.CURRENT_PASSWORD_WRONG, "sessionEnded", true));
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(refusedChanges(session, 3))
                .when(wrong)
                .expectEvents(new PasswordChangeRefused(person, session, 4))
                .expectException(AggregateExpectations.refusal(PasswordReason.CURRENT_PASSWORD_WRONG, "sessionEnded", false));

        SessionId other = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(refusedChanges(session, 4))
                .when(new ChangePassword(person, other, false, null))
                .expectEvents(new PasswordChangeRefused(person, other, 1));
    }

    @Test
    @DisplayName("PWD-4: a successful change starts the session's count of wrong current passwords afresh")
    void successResetsWrongCount() {
        SessionId session = SessionId.generate();
        ChangePassword wrong = new ChangePassword(person, session, false, null);
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(refusedChanges(session, 3))
                .andGivenCommands(new ChangePassword(person, session, true, NEW))
                .when(wrong)
                .expectEvents(new PasswordChangeRefused(person, session, 1));
    }

    // --- helpers ---

    private TestExecutor<NaturalPerson> givenLocked() {
        clock.set(MORNING);
        return fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(failures(5));
    }

    /** What that many wrong login passwords in a row leave in the history, the lock at the fifth (PWD-5). */
    private List<Object> failures(int failures) {
        List<Object> history = new ArrayList<>();
        for (int i = 1; i <= failures; i++) {
            history.add(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, i));
        }
        if (failures >= 5) {
            history.add(new AccountLocked(person, SMS, NEXT_MIDNIGHT));
        }
        return history;
    }

    private List<Object> refusedChanges(SessionId session, int refusals) {
        List<Object> history = new ArrayList<>();
        for (int i = 1; i <= refusals; i++) {
            history.add(new PasswordChangeRefused(person, session, i));
        }
        return history;
    }

    private Instant moveTo(Instant instant) {
        clock.set(instant);
        return instant;
    }

    private RecordLoginAttempt failure() {
        return new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD,
                SessionId.generate(), false, null);
    }

    private List<Object> registered() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return List.of(new NaturalPersonRegistered(person, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed, sealed,
                null, RealNameLevel.LEVEL_4, "face-scan-1"));
    }

    private static List<Object> migrated(PersonId personId) {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return List.of(new NaturalPersonMigrated(personId, JIANGXI, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed,
                List.of(sealed), 0, 0, RealNameLevel.LEVEL_3, "staff-1"));
    }

    /** No sessions: the password commands read none. */
    private static final class Sessions implements SessionStore {

        @Override
        public Optional<PersonSession> find(SessionId sessionId) {
            return Optional.empty();
        }

        @Override
        public List<PersonSession> openUnder(AuthorizationId authorizationId, Instant now) {
            return List.of();
        }
    }
}
