package gov.etax.identity.command.person.password;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.ChangePassword;
import gov.etax.identity.kernel.person.events.PasswordChangeRefused;
import gov.etax.identity.kernel.person.events.PasswordChanged;
import gov.etax.identity.kernel.person.events.SessionEnded;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * "个人密码修改" (PWD-4), part of the {@code NaturalPerson} aggregate. A wrong current password
 * does not count toward the login lockout (PWD-5 is about logging in, and a lock would not stop a
 * session that is already open); instead the fifth wrong one in a session ends that session, so
 * a stolen token cannot be used to guess the password.
 */
public class PasswordChanges {

    public static final int WRONG_CURRENT_PASSWORDS_PER_SESSION = 5;

    private SessionId failingSession;
    private int failuresInSession;

    /**
     * A wrong current password is recorded, ends the session at the fifth, and is refused; a right
     * one changes the password (the slice's handler then replaces the credential).
     */
    public void decide(ChangePassword command) {
        if (!command.currentPasswordMatched()) {
            int failures = (command.sessionId().equals(failingSession) ? failuresInSession : 0) + 1;
            int failuresLeft = Math.max(0, WRONG_CURRENT_PASSWORDS_PER_SESSION - failures);
            apply(new PasswordChangeRefused(command.personId(), command.sessionId(), failures));
            if (failuresLeft == 0) {
                apply(new SessionEnded(command.personId(), command.sessionId(), SessionEndReason.CURRENT_PASSWORD_FAILURES,
                        null));
            }
            throw PasswordReason.CURRENT_PASSWORD_WRONG.refusal()
                    .with("failuresLeft", failuresLeft)
                    .with("sessionEnded", failuresLeft == 0)
                    .recorded();
        }
        Objects.requireNonNull(command.newPasswordHash(), "newPasswordHash");
        apply(new PasswordChanged(command.personId(), command.sessionId()));
    }

    @EventSourcingHandler
    void on(PasswordChangeRefused event) {
        failingSession = event.sessionId();
        failuresInSession = event.failuresInSession();
    }

    @EventSourcingHandler
    void on(PasswordChanged event) {
        failingSession = null;
        failuresInSession = 0;
    }
}
