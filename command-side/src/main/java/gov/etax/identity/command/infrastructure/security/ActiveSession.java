package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.refusal.Refusal;
import gov.etax.identity.kernel.security.SessionTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A person token is honoured only while its session is: open (not logged out, not expired), of the
 * person the token names ({@code sub}), acting for the enterprise and role the token names, and, for
 * an enterprise or agent session, while the person still holds that role there (ACC-2: a revoked,
 * replaced or expired relationship stops its sessions at once, before its {@code SessionEnded}).
 */
final class ActiveSession implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult ENDED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error("invalid_token", "The session has ended", null));

    private final SessionLookup sessions;
    private final Clock clock;

    ActiveSession(SessionLookup sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String sid = jwt.getClaimAsString(SessionTokens.SESSION_ID);
        Instant now = clock.instant();
        Optional<PersonSession> session;
        try {
            session = sid == null ? Optional.empty() : sessions.find(SessionId.parse(sid));
        } catch (Refusal malformed) {
            return ENDED;
        }
        boolean valid = session.filter(s -> s.isActiveAt(now))
                .filter(s -> s.personId().value().equals(jwt.getSubject()))
                .filter(s -> actsAsClaimed(s.actingFor(), jwt))
                .filter(s -> s.actingFor() == null || sessions.stillActsFor(s.personId(), s.actingFor(), now))
                .isPresent();
        return valid ? OAuth2TokenValidatorResult.success() : ENDED;
    }

    private static boolean actsAsClaimed(ActingFor actingFor, Jwt jwt) {
        return Objects.equals(actingFor == null ? null : actingFor.enterprise().value(),
                jwt.getClaimAsString(SessionTokens.ENTERPRISE))
                && Objects.equals(actingFor == null ? null : actingFor.role().name(),
                jwt.getClaimAsString(SessionTokens.ENTERPRISE_ROLE));
    }
}
