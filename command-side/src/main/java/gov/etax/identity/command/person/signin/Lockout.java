package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.time.ChinaStandardTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * PWD-5: five consecutive failures with the same authentication method within one day lock the
 * account until 00:00 the next day. Days are China Standard Time.
 */
public final class Lockout {

    public static final int FAILURES_TO_LOCK = 5;

    private Lockout() {
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ChinaStandardTime.ZONE).toLocalDate();
    }

    /** 00:00 of the day after the given moment, China Standard Time. */
    public static Instant nextMidnight(Instant instant) {
        return dayOf(instant).plusDays(1).atStartOfDay(ChinaStandardTime.ZONE).toInstant();
    }

    /** Failures in a row with one method on one day; a streak from an earlier day counts nothing. */
    record Streak(LocalDate day, int failures) {

        static final Streak NONE = new Streak(LocalDate.MIN, 0);

        int failuresOn(LocalDate today) {
            return today.equals(day) ? failures : 0;
        }
    }
}
