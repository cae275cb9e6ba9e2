package gov.etax.identity.command.person.registration;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.registration.RegistrationRequests.Earlier;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claims behind idempotent registrations on PostgreSQL: an expired claim never counts, and
 * expired claims are swept once a minute rather than on every claim. Each test has a store of its
 * own, so its sweeps fall when the test says.
 */
class RegistrationRequestsHttpTest extends CommandSideHttpTest {

    /** Ahead of the rows other requests write, which expire a day after the wall clock. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void start() {
        startCommandSide((java.time.Clock) null);
    }

    private static JdbcRegistrationRequests store() {
        return new JdbcRegistrationRequests(node.bean(JdbcTemplate.class), node.bean(LookupHash.class));
    }

    private static String key() {
        return "key:" + UUID.randomUUID();
    }

    @Test
    @DisplayName("REG-2: a live claim answers a repeat; once expired, the same key is claimed afresh for another person, before any sweep")
    void expiredClaimIsReplacedOnTheSpot() {
        JdbcRegistrationRequests requests = store();
        String key = key();
        PersonId first = PersonId.generate();
        assertThat(requests.claim(key(), "other", PersonId.generate(), T0, T0.plusSeconds(3600))).isEmpty();
        assertThat(requests.claim(key, "body", first, T0.plusSeconds(1), T0.plusSeconds(30))).isEmpty();

        assertThat(requests.claim(key, "another body", PersonId.generate(), T0.plusSeconds(29), T0.plusSeconds(60)))
                .contains(new Earlier(first, false, false));
        // 40 s: the next sweep is due only at 60 s, yet the expired claim does not count.
        PersonId second = PersonId.generate();
        assertThat(requests.claim(key, "another body", second, T0.plusSeconds(40), T0.plusSeconds(100))).isEmpty();
        assertThat(requests.find(key, "another body")).contains(new Earlier(second, true, false));
    }

    @Test
    @DisplayName("REG-2: expired claims of other keys are swept at most once a minute, and then all of them")
    void expiredClaimsAreSweptOnceAMinute() {
        JdbcRegistrationRequests requests = store();
        String expiring = key();
        requests.claim(expiring, "body", PersonId.generate(), T0, T0.plusSeconds(10));
        requests.complete(expiring);

        requests.claim(key(), "body", PersonId.generate(), T0.plusSeconds(20), T0.plus(Duration.ofDays(1)));
        assertThat(requests.find(expiring, "body")).as("not swept before a minute has passed").isPresent();

        requests.claim(key(), "body", PersonId.generate(), T0.plus(JdbcRegistrationRequests.SWEEP_EVERY), T0.plus(Duration.ofDays(1)));
        assertThat(requests.find(expiring, "body")).isEmpty();
    }
}
