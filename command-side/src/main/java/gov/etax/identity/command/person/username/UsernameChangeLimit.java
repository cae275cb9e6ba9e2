package gov.etax.identity.command.person.username;

import gov.etax.identity.kernel.time.ChinaStandardTime;
import java.time.Instant;

/**
 * LOGIN-7: a username is changed at most once a year. Setting the first one (at registration or
 * later) is not a change and starts no waiting time. After a change, the next one is possible from
 * 00:00 China Standard Time on the same calendar date one year later (a change on 29 February waits
 * until 28 February). Calendar dates, not 365 × 24 hours: people count "a year" by the date, so a
 * change on 10 March opens again on 10 March, whatever the hour; across a 29 February that is 366 days.
 */
public final class UsernameChangeLimit {


    private UsernameChangeLimit() {
    }

    public static Instant nextChangeAllowedFrom(Instant lastChange) {
        return lastChange.atZone(ChinaStandardTime.ZONE).toLocalDate().plusYears(1)
                .atStartOfDay(ChinaStandardTime.ZONE).toInstant();
    }

    /** @param lastChange the last change (not a first setting), or null when there was none */
    public static void check(Instant lastChange, Instant now) {
        if (lastChange == null) {
            return;
        }
        Instant allowedFrom = nextChangeAllowedFrom(lastChange);
        if (now.isBefore(allowedFrom)) {
            throw UsernameReason.USERNAME_CHANGED_WITHIN_A_YEAR.refusal().with("changeAllowedFrom", allowedFrom);
        }
    }
}
