package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The end of validity (有效期止) passed. The relationship stopped working at {@code effectiveAt}
 * (00:00 China Standard Time after {@code validUntil}); the event is recorded when the
 * authorization's deadline falls due (or a confirmation or removal first observes it).
 */
public record AuthorizationExpired(AuthorizationId authorizationId, LocalDate validUntil, Instant effectiveAt) {
}
