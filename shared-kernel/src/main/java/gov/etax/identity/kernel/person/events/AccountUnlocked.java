package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;

/**
 * PWD-5: the lock ended. At midnight nobody acts, so that unlock is recorded when it is first
 * observed; {@code effectiveAt} is the midnight, the event's own timestamp the observation.
 */
public record AccountUnlocked(PersonId personId, Cause cause, Instant effectiveAt) {

    public enum Cause {
        /** 次日零时系统自动解锁 */
        MIDNIGHT,
        /** unlocked by the forgot-password flow (PWD-3) */
        PASSWORD_RESET
    }
}
