package gov.etax.identity.command.person.signin;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.NaturalPerson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.CheckAccountLock;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.person.commands.LoginDecision;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import gov.etax.identity.kernel.person.events.AccountLocked;
import gov.etax.identity.kernel.person.events.AccountUnlocked;
import gov.etax.identity.kernel.person.events.LoginFailed;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Login attempts and the lockout of PWD-5, on the NaturalPerson aggregate with a movable clock. */
class SignInTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final Instant MORNING = LocalDateTime.parse("2026-11-26T09:00:00").atZone(CST).toInstant();
    private static final Instant NEXT_MIDNIGHT = LocalDateTime.parse("2026-11-27T00:00:00").atZone(CST).toInstant();
    private static final AuthenticationMethod SMS = AuthenticationMethod.PASSWORD_SMS;
    private static final AuthenticationMethod FACE = AuthenticationMethod.PASSWORD_FACE;

    private final PersonId person = PersonId.generate();
    private final MutableClock clock = new MutableClock(MORNING);
    private final InMemorySessions sessions = new InMemorySessions();
    private FixtureConfiguration<NaturalPerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NaturalPerson.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(sessions);
    }

    @Test
    @DisplayName("PWD-5: the 5th failure in a row locks until 00:00 the next day (China Standard Time)")
    void fifthFailureLocks() {
        givenFailures(SMS, 4)
                .when(attempt(SMS, LoginFailure.WRONG_SMS_CODE))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_SMS_CODE, 5),
                        new AccountLocked(person, SMS, NEXT_MIDNIGHT))
                .expectResultMessagePayload(new LoginDecision(LoginFailure.ACCOUNT_LOCKED, NEXT_MIDNIGHT, 0));
    }

    @Test
    @DisplayName("PWD-5: the 4th failure in a row is told it has one attempt left, and locks nothing")
    void fourthFailureWarns() {
        givenFailures(SMS, 3)
                .when(attempt(SMS, LoginFailure.WRONG_PASSWORD))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, 4))
                .expectResultMessagePayload(new LoginDecision(LoginFailure.WRONG_PASSWORD, null, 1));
    }

    @Test
    @DisplayName("PWD-5: the 6th attempt, even with the right password, is refused while locked, and the refusal is in the history")
    void lockedRefusesEvenRightCredentials() {
        givenFailures(SMS, 5)
                .when(attempt(SMS, null))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.ACCOUNT_LOCKED, 5))
                .expectResultMessagePayload(new LoginDecision(LoginFailure.ACCOUNT_LOCKED, NEXT_MIDNIGHT, 0));
        assertThat(sessions.opened).isEmpty();
    }

    @Test
    @DisplayName("PWD-5: asked before the password is hashed, a locked account refuses and records the refusal")
    void lockCheckedBeforeHashing() {
        givenFailures(SMS, 5)
                .when(new CheckAccountLock(person, LoginEntry.NATURAL_PERSON, FACE))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, FACE, LoginFailure.ACCOUNT_LOCKED, 0))
                .expectResultMessagePayload(new LoginDecision(LoginFailure.ACCOUNT_LOCKED, NEXT_MIDNIGHT, 0));
    }

    @Test
    @DisplayName("PWD-5: asked before the password is hashed, an open account answers accepted and records nothing")
    void openAccountPassesLockCheck() {
        givenFailures(SMS, 4)
                .when(new CheckAccountLock(person, LoginEntry.NATURAL_PERSON, SMS))
                .expectNoEvents()
                .expectResultMessagePayload(LoginDecision.accepted());
    }

    @Test
    @DisplayName("PWD-5: at 23:59 the account is still locked")
    void stillLockedAt2359() {
        Instant lastMinute = NEXT_MIDNIGHT.minus(Duration.ofMinutes(1));
        givenFailures(SMS, 5)
                .andGivenCurrentTime(moveTo(lastMinute))
                .when(attempt(FACE, null))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, FACE, LoginFailure.ACCOUNT_LOCKED, 0))
                .expectResultMessagePayload(new LoginDecision(LoginFailure.ACCOUNT_LOCKED, NEXT_MIDNIGHT, 0));
    }

    @Test
    @DisplayName("PWD-5: at 00:00 it unlocks, recorded when first observed, with the midnight it took effect")
    void unlocksAtMidnight() {
        SessionId session = SessionId.generate();
        givenFailures(SMS, 5)
                .andGivenCurrentTime(moveTo(NEXT_MIDNIGHT.plus(Duration.ofMinutes(7))))
                .when(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, null, session, false, null))
                .expectEvents(new AccountUnlocked(person, AccountUnlocked.Cause.MIDNIGHT, NEXT_MIDNIGHT),
                        new LoginSucceeded(person, session, LoginEntry.NATURAL_PERSON, SMS, false, null))
                .expectResultMessagePayload(LoginDecision.accepted());
        assertThat(sessions.opened).containsKey(session);
    }

    @Test
    @DisplayName("PWD-5: exactly at 00:00 the lock is over")
    void unlockedExactlyAtMidnight() {
        givenFailures(SMS, 5)
                .andGivenCurrentTime(moveTo(NEXT_MIDNIGHT))
                .when(attempt(SMS, LoginFailure.WRONG_PASSWORD))
                .expectEvents(new AccountUnlocked(person, AccountUnlocked.Cause.MIDNIGHT, NEXT_MIDNIGHT),
                        new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, 1));
    }

    @Test
    @DisplayName("PWD-5: failures of an earlier day do not count toward today's five")
    void earlierDaysDoNotCount() {
        givenFailures(SMS, 4)
                .andGivenCurrentTime(moveTo(NEXT_MIDNIGHT))
                .when(attempt(SMS, LoginFailure.WRONG_PASSWORD))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, 1));
    }

    @Test
    @DisplayName("PWD-5: a success resets the count, so four failures after it do not lock")
    void successResets() {
        givenFailures(SMS, 4)
                .andGivenCommands(attempt(SMS, null),
                        attempt(SMS, LoginFailure.WRONG_PASSWORD), attempt(SMS, LoginFailure.WRONG_PASSWORD),
                        attempt(SMS, LoginFailure.WRONG_PASSWORD))
                .when(attempt(SMS, LoginFailure.WRONG_PASSWORD))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, 4));
    }

    @Test
    @DisplayName("PWD-5: failures count per authentication method: four by SMS and one by face lock nothing")
    void countsPerMethod() {
        givenFailures(SMS, 4)
                .when(attempt(FACE, LoginFailure.FACE_NOT_VERIFIED))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, FACE, LoginFailure.FACE_NOT_VERIFIED, 1));
    }

    @Test
    @DisplayName("LOGIN-5: a successful login opens a 30-minute session and records entry and method")
    void successOpensSession() {
        SessionId session = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .when(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, FACE, null, session, true, null))
                .expectEvents(new LoginSucceeded(person, session, LoginEntry.NATURAL_PERSON, FACE, true, null));
        SessionStore.Session opened = sessions.opened.get(session);
        assertThat(opened.expiresAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(30)));
        assertThat(opened.passwordChangeRequired()).isTrue();
    }

    @Test
    @DisplayName("Logout ends the session once; a second logout records nothing")
    void logout() {
        SessionId session = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGivenCommands(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, null, session, false, null))
                .when(EndSession.logout(person, session))
                .expectEvents(new SessionEnded(person, session, SessionEndReason.LOGOUT, null));
        assertThat(sessions.opened.get(session).endedAt()).isEqualTo(MORNING);

        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGivenCommands(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, null, session, false, null),
                        EndSession.logout(person, session))
                .when(EndSession.logout(person, session))
                .expectNoEvents();
    }

    private org.axonframework.test.aggregate.TestExecutor<NaturalPerson> givenFailures(AuthenticationMethod method,
                                                                                      int failures) {
        clock.set(MORNING);
        RecordLoginAttempt[] attempts = new RecordLoginAttempt[failures];
        for (int i = 0; i < failures; i++) {
            attempts[i] = attempt(method, LoginFailure.WRONG_PASSWORD);
        }
        return fixture.givenCurrentTime(MORNING).andGiven(registered()).andGivenCommands((Object[]) attempts);
    }

    /** The handler's clock and the fixture's event time move together. */
    private Instant moveTo(Instant instant) {
        clock.set(instant);
        return instant;
    }

    private RecordLoginAttempt attempt(AuthenticationMethod method, LoginFailure failure) {
        return new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, method, failure, SessionId.generate(), false, null);
    }

    private NaturalPersonRegistered registered() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonRegistered(person, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed, sealed, null,
                RealNameLevel.LEVEL_4, "face-scan-1");
    }

    /** Sessions in memory, as the JDBC store keeps them. */
    static final class InMemorySessions implements SessionStore {

        final Map<SessionId, Session> opened = new HashMap<>();

        @Override
        public void open(Session session) {
            opened.put(session.sessionId(), session);
        }

        @Override
        public void end(SessionId sessionId, Instant endedAt) {
            Session s = opened.get(sessionId);
            opened.put(sessionId, new Session(s.sessionId(), s.personId(), s.entry(), s.method(), s.issuedAt(),
                    s.expiresAt(), endedAt, s.passwordChangeRequired(), s.actingFor()));
        }

        @Override
        public Optional<Session> find(SessionId sessionId) {
            return Optional.ofNullable(opened.get(sessionId));
        }
    }
}
