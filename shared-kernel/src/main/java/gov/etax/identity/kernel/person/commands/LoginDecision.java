package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.LoginFailure;
import java.time.Instant;

/**
 * The person's answer to a login attempt. A refusal is an answer, not an exception, so that the
 * failure and any lock are recorded as events before the caller is told.
 *
 * @param failure null when the session was opened
 * @param unlocksAt when a locked account opens again, else null
 * @param failuresLeft attempts left with this method today before the lock, when it failed
 */
public record LoginDecision(LoginFailure failure, Instant unlocksAt, int failuresLeft) {

    public static LoginDecision accepted() {
        return new LoginDecision(null, null, 0);
    }

    public boolean isAccepted() {
        return failure == null;
    }
}
