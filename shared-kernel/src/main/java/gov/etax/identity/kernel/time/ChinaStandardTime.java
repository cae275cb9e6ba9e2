package gov.etax.identity.kernel.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureau's calendar: days, midnights and last days of validity are counted in China Standard
 * Time (UTC+8, no daylight saving), whatever zone a server runs in.
 */
public final class ChinaStandardTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaStandardTime() {
    }

    /** The calendar day an instant falls on in China. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** 00:00 China Standard Time at the start of a day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
