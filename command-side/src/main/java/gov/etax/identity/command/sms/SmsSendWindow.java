package gov.etax.identity.command.sms;

import java.time.Duration;
import java.time.Instant;

/**
 * REG-7: at most 5 SMS codes per phone, all purposes together, in a fixed window of 10 minutes
 * that starts at its first send; the window covers [start, start + 10 min). A send at or after
 * its end opens a new window anchored at that send, not at the old window's end.
 *
 * @param sends codes sent in this window; 0 means no window is open
 */
record SmsSendWindow(Instant start, int sends) {

    static final int MAX_SENDS = 5;
    static final Duration LENGTH = Duration.ofMinutes(10);

    Instant end() {
        return start.plus(LENGTH);
    }

    /** The window after one more send at {@code now}, or the REG-7 refusal with the moment sending resumes. */
    SmsSendWindow admit(Instant now) {
        if (sends == 0 || !now.isBefore(end())) {
            return new SmsSendWindow(now, 1);
        }
        if (sends >= MAX_SENDS) {
            throw SmsReason.SMS_SENDING_PAUSED.refusal().with("retryAt", end());
        }
        return new SmsSendWindow(start, sends + 1);
    }

    int sendsLeft() {
        return MAX_SENDS - sends;
    }
}
