package gov.etax.identity.command.sms;

import gov.etax.identity.kernel.person.MobilePhone;
import java.time.Instant;

/**
 * A code that went out; deliberately without the code itself.
 *
 * @param sendsLeftInWindow how many more codes this phone may receive before REG-7 pauses sending
 */
public record SentChallenge(MobilePhone phone, SmsPurpose purpose, Instant expiresAt, int sendsLeftInWindow) {
}
