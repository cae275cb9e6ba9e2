package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.time.ChinaStandardTime;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The end date of validity (有效期止) is a calendar day in China Standard Time: the relationship
 * works through that whole day and stops at 00:00 of the next.
 */
public final class Validity {

    /** The deadline at {@link #endOf} that records an authorization's expiry (authorization/expire/). */
    public static final String END_DEADLINE = "authorization-validity-end";

    private Validity() {
    }

    /** The instant a relationship valid until {@code lastDay} stops working; null for null (open-ended). */
    public static Instant endOf(LocalDate lastDay) {
        return lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(ChinaStandardTime.ZONE).toInstant();
    }

    public static LocalDate today(Instant now) {
        return now.atZone(ChinaStandardTime.ZONE).toLocalDate();
    }

    /** Past its end of validity at {@code now}: the instant it stopped working has come. */
    public static boolean isOver(LocalDate lastDay, Instant now) {
        return lastDay != null && !now.isBefore(endOf(lastDay));
    }
}
