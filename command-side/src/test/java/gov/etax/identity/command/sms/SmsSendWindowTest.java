package gov.etax.identity.command.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REG-7's fixed window as a rule, without a database. */
class SmsSendWindowTest {

    private static final Instant FIRST = Instant.parse("2025-03-03T01:00:00Z");
    private static final SmsSendWindow NONE = new SmsSendWindow(Instant.EPOCH, 0);

    @Test
    @DisplayName("REG-7: the first send opens a window at that send; four more fit, the sixth is refused until first + 10:00")
    void fiveThenPaused() {
        SmsSendWindow window = NONE.admit(FIRST);
        assertThat(window).isEqualTo(new SmsSendWindow(FIRST, 1));
        for (int send = 2; send <= 5; send++) {
            window = window.admit(FIRST.plus(Duration.ofMinutes(send)));
        }
        assertThat(window).isEqualTo(new SmsSendWindow(FIRST, 5));
        assertThat(window.sendsLeft()).isZero();

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> NONE.admit(FIRST)
                .admit(FIRST).admit(FIRST).admit(FIRST).admit(FIRST).admit(at("09:59")));
        assertThat(refusal.reason()).isEqualTo(SmsReason.SMS_SENDING_PAUSED);
        assertThat(refusal.details()).containsEntry("retryAt", at("10:00"));
    }

    @Test
    @DisplayName("REG-7: at exactly first + 10:00 a new window of 5 starts, anchored at that send, not a sliding count")
    void newWindowAtTheEdge() {
        SmsSendWindow full = new SmsSendWindow(FIRST, 5);
        assertThat(full.admit(at("10:00"))).isEqualTo(new SmsSendWindow(at("10:00"), 1));
        assertThat(full.admit(at("10:01"))).isEqualTo(new SmsSendWindow(at("10:01"), 1));

        // Four sends at 9:00 would fill a sliding window at 10:00; the fixed window starts afresh.
        SmsSendWindow late = new SmsSendWindow(FIRST, 5);
        SmsSendWindow next = late.admit(at("10:00"));
        for (int send = 2; send <= 5; send++) {
            next = next.admit(at("10:00"));
        }
        assertThat(next).isEqualTo(new SmsSendWindow(at("10:00"), 5));
    }

    private static Instant at(String minutesSeconds) {
        String[] parts = minutesSeconds.split(":");
        return FIRST.plus(Duration.ofMinutes(Long.parseLong(parts[0])).plusSeconds(Long.parseLong(parts[1])));
    }
}
