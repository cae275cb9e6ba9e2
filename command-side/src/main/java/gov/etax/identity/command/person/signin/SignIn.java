package gov.etax.identity.command.person.signin;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.person.signin.Lockout.Streak;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.commands.CheckAccountLock;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import gov.etax.identity.kernel.person.commands.ResetPassword;
import gov.etax.identity.kernel.person.commands.SwitchSession;
import gov.etax.identity.kernel.person.events.AccountLocked;
import gov.etax.identity.kernel.person.events.AccountUnlocked;
import gov.etax.identity.kernel.person.events.LoginFailed;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.PasswordReset;
import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import gov.etax.identity.kernel.refusal.CommonReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A person's sign-in state: failure streaks per method and the lock (PWD-5). Part of the
 * {@code NaturalPerson} aggregate, so every login attempt is in that person's history.
 */
public class SignIn {

    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(30);

    private final Map<AuthenticationMethod, Streak> streaks = new EnumMap<>(AuthenticationMethod.class);
    private Instant lockedUntil;

    /**
     * Decides the attempt the sign-in services checked (PWD-5): a failure, and the lock it may
     * bring, is recorded and then refused; a success opens the session.
     */
    @CommandHandler
    public void handle(RecordLoginAttempt attempt, Clock clock) {
        Instant now = clock.instant();
        PersonId person = attempt.personId();
        refuseIfLocked(person, attempt.entry(), attempt.method(), now);
        LoginFailure failure = attempt.failure();
        if (failure != null && !failure.countsTowardLockout()) {
            apply(new LoginFailed(person, attempt.entry(), attempt.method(), failure, failuresToday(attempt.method(), now)));
            throw LoginRefusals.of(failure, Lockout.FAILURES_TO_LOCK - failuresToday(attempt.method(), now)).recorded();
        }
        if (failure != null) {
            int failures = failuresToday(attempt.method(), now) + 1;
            apply(new LoginFailed(person, attempt.entry(), attempt.method(), failure, failures));
            if (failures >= Lockout.FAILURES_TO_LOCK) {
                Instant until = Lockout.nextMidnight(now);
                apply(new AccountLocked(person, attempt.method(), until));
                throw LoginRefusals.locked(until).recorded();
            }
            throw LoginRefusals.of(failure, Lockout.FAILURES_TO_LOCK - failures).recorded();
        }
        apply(new LoginSucceeded(person, attempt.sessionId(), attempt.entry(), attempt.method(),
                attempt.passwordChangeRequired(), attempt.actingFor()));
    }

    /** PWD-5: a locked account answers before the password is hashed, so trying it costs no hash. */
    @CommandHandler
    public void handle(CheckAccountLock check, Clock clock) {
        refuseIfLocked(check.personId(), check.entry(), check.method(), clock.instant());
    }

    /** Refuses, recorded, while the account is locked; unlocks it first when midnight has passed. */
    private void refuseIfLocked(PersonId person, LoginEntry entry, AuthenticationMethod method, Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            // Nobody acted at midnight; the unlock enters the history when first observed.
            apply(new AccountUnlocked(person, AccountUnlocked.Cause.MIDNIGHT, lockedUntil));
        }
        if (lockedUntil != null) {
            apply(new LoginFailed(person, entry, method, LoginFailure.ACCOUNT_LOCKED, failuresToday(method, now)));
            throw LoginRefusals.locked(lockedUntil).recorded();
        }
    }

    /** ACC-8, ACC-9: same login, new session acting for another role or enterprise; the old one ends. */
    @CommandHandler
    public void handle(SwitchSession command, Clock clock, SessionStore sessions) {
        Instant now = clock.instant();
        sessions.find(command.from())
                .filter(s -> s.personId().equals(command.personId()) && s.isActiveAt(now))
                .orElseThrow(CommonReason.AUTHENTICATION_REQUIRED::refusal);
        apply(new SessionSwitched(command.personId(), command.from(), command.to(), command.entry(), command.actingFor()));
    }

    /** Ends an open session; a session already ended records nothing. */
    @CommandHandler
    public void handle(EndSession command, SessionStore sessions) {
        PersonSession session = sessions.find(command.sessionId())
                .filter(s -> s.personId().equals(command.personId()))
                .orElseThrow(() -> CommonReason.INVALID_IDENTIFIER.refusal("No such session of this person."));
        if (session.endedAt() == null) {
            apply(new SessionEnded(command.personId(), command.sessionId(), command.reason(), command.authorizationId()));
        }
    }

    /**
     * Forgot password (PWD-3): the new password replaces the old and unlocks a locked account at
     * once (PWD-5). Answers whether the reset itself unlocked the account. The password slice
     * replaces the credential once the reset is accepted.
     */
    public boolean decide(ResetPassword command, Instant now) {
        PersonId person = command.personId();
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            apply(new AccountUnlocked(person, AccountUnlocked.Cause.MIDNIGHT, lockedUntil));
        }
        apply(new PasswordReset(person, command.method()));
        if (lockedUntil == null) {
            return false;
        }
        apply(new AccountUnlocked(person, AccountUnlocked.Cause.PASSWORD_RESET, now));
        return true;
    }

    private int failuresToday(AuthenticationMethod method, Instant now) {
        return streaks.getOrDefault(method, Streak.NONE).failuresOn(Lockout.dayOf(now));
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @EventSourcingHandler
    void on(LoginFailed event, @Timestamp Instant at) {
        if (event.reason().countsTowardLockout()) {
            streaks.put(event.method(), new Streak(Lockout.dayOf(at), event.consecutiveFailures()));
        }
    }

    @EventSourcingHandler
    void on(LoginSucceeded event) {
        streaks.clear();
    }

    /** The failures were guesses at a password that no longer exists: the counts start afresh. */
    @EventSourcingHandler
    void on(PasswordReset event) {
        streaks.clear();
    }

    @EventSourcingHandler
    void on(AccountLocked event) {
        lockedUntil = event.lockedUntil();
    }

    @EventSourcingHandler
    void on(AccountUnlocked event) {
        lockedUntil = null;
        streaks.clear();
    }
}
