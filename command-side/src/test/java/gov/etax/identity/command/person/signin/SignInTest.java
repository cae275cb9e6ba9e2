package gov.etax.identity.command.person.signin;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.person.NaturalPerson;
import gov.etax.identity.command.support.RecordedRefusals;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
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
        fixture = RecordedRefusals.committedBy(new AggregateTestFixture<>(NaturalPerson.class));
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
                .expectException(refusal(SignInReason.ACCOUNT_LOCKED, "unlocksAt", NEXT_MIDNIGHT));
    }

    @Test
    @DisplayName("PWD-5: the 4th failure in a row is told it has one attempt left, and locks nothing")
    void fourthFailureWarns() {
        givenFailures(SMS, 3)
                .when(attempt(SMS, LoginFailure.WRONG_PASSWORD))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.WRONG_PASSWORD, 4))
                .expectException(refusal(SignInReason.WRONG_CREDENTIALS, "failuresLeft", 1));
    }

    @Test
    @DisplayName("PWD-5: the 6th attempt, even with the right password, is refused while locked, and the refusal is in the history")
    void lockedRefusesEvenRightCredentials() {
        givenFailures(SMS, 5)
                .when(attempt(SMS, null))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, SMS, LoginFailure.ACCOUNT_LOCKED, 5))
                .expectException(refusal(SignInReason.ACCOUNT_LOCKED, "unlocksAt", NEXT_MIDNIGHT));
    }

    @Test
    @DisplayName("PWD-5: asked before the password is hashed, a locked account refuses and records the refusal")
    void lockCheckedBeforeHashing() {
        givenFailures(SMS, 5)
                .when(new CheckAccountLock(person, LoginEntry.NATURAL_PERSON, FACE))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, FACE, LoginFailure.ACCOUNT_LOCKED, 0))
                .expectException(refusal(SignInReason.ACCOUNT_LOCKED, "unlocksAt", NEXT_MIDNIGHT));
    }

    @Test
    @DisplayName("PWD-5: asked before the password is hashed, an open account answers accepted and records nothing")
    void openAccountPassesLockCheck() {
        givenFailures(SMS, 4)
                .when(new CheckAccountLock(person, LoginEntry.NATURAL_PERSON, SMS))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("PWD-5: at 23:59 the account is still locked")
    void stillLockedAt2359() {
        Instant lastMinute = NEXT_MIDNIGHT.minus(Duration.ofMinutes(1));
        givenFailures(SMS, 5)
                .andGivenCurrentTime(moveTo(lastMinute))
                .when(attempt(FACE, null))
                .expectEvents(new LoginFailed(person, LoginEntry.NATURAL_PERSON, FACE, LoginFailure.ACCOUNT_LOCKED, 0))
                .expectException(refusal(SignInReason.ACCOUNT_LOCKED, "unlocksAt", NEXT_MIDNIGHT));
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
                .expectSuccessfulHandlerExecution();
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
                .andGivenCommands(attempt(SMS, null))
                .andGiven(failures(SMS, 3))
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
        assertThat(SignIn.SESSION_LIFETIME).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("Logout ends the session once; a second logout records nothing")
    void logout() {
        SessionId session = SessionId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGivenCommands(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, null, session, false, null))
                .andGiven(sessions.opened(person, session, null))
                .when(EndSession.logout(person, session))
                .expectEvents(new SessionEnded(person, session, SessionEndReason.LOGOUT, null));

        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGivenCommands(new RecordLoginAttempt(person, LoginEntry.NATURAL_PERSON, SMS, null, session, false, null))
                .andGiven(sessions.opened(person, session, MORNING))
                .when(EndSession.logout(person, session))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-2: ending a session that an ended relationship already ended records nothing")
    void sessionAlreadyEndedByItsRelationship() {
        SessionId session = SessionId.generate();
        AuthorizationId authorization = AuthorizationId.generate();
        fixture.givenCurrentTime(MORNING)
                .andGiven(registered())
                .andGiven(sessions.opened(person, session, MORNING))
                .when(new EndSession(person, session, SessionEndReason.RELATIONSHIP_ENDED, authorization))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    private org.axonframework.test.aggregate.TestExecutor<NaturalPerson> givenFailures(AuthenticationMethod method,
                                                                                      int failures) {
        clock.set(MORNING);
        return fixture.givenCurrentTime(MORNING).andGiven(registered()).andGiven(failures(method, failures));
    }

    /** What that many wrong passwords in a row leave in the history, the lock at the fifth. */
    private List<Object> failures(AuthenticationMethod method, int failures) {
        List<Object> history = new ArrayList<>();
        for (int i = 1; i <= failures; i++) {
            history.add(new LoginFailed(person, LoginEntry.NATURAL_PERSON, method, LoginFailure.WRONG_PASSWORD, i));
        }
        if (failures >= Lockout.FAILURES_TO_LOCK) {
            history.add(new AccountLocked(person, method, NEXT_MIDNIGHT));
        }
        return history;
    }

    /** A Refusal with the reason and one detail (name, value) it must carry. */
    private static Matcher<Refusal> refusal(Reason reason, String detail, Object value) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.reason() == reason && refusal.isRecorded()
                        && Objects.equals(refusal.details().get(detail), value);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("recorded Refusal " + reason.code() + " with " + detail + "=" + value);
            }
        };
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

    /** Sessions in memory, as the look-up kept from the session events has them. */
    static final class InMemorySessions implements SessionStore {

        final Map<SessionId, PersonSession> opened = new HashMap<>();

        /** Puts the session in the look-up, open or ended at {@code endedAt}; no events to give. */
        List<Object> opened(PersonId person, SessionId session, Instant endedAt) {
            opened.put(session, new PersonSession(session, person, LoginEntry.NATURAL_PERSON, SMS, MORNING,
                    MORNING.plus(SignIn.SESSION_LIFETIME), endedAt, false, null));
            return List.of();
        }

        @Override
        public Optional<PersonSession> find(SessionId sessionId) {
            return Optional.ofNullable(opened.get(sessionId));
        }

        @Override
        public List<PersonSession> openUnder(AuthorizationId authorizationId, Instant now) {
            return List.of();
        }
    }
}
