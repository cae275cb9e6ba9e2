package gov.etax.identity.query.infrastructure.security;

import gov.etax.identity.kernel.security.SessionTokens;
import gov.etax.identity.query.infrastructure.security.KnownSessions.KnownSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A person token is honoured on the query side only for a session the command side started for the
 * person the token names ({@code sub}), acting for the enterprise and role it names, with the same
 * PWD-2 flag, and not ended. The query side learns of a session from its {@code LoginSucceeded}
 * or {@code SessionSwitched} a few milliseconds after the token was issued: a token issued within
 * the last {@code wait} whose session is not known yet waits for it, up to {@code wait}; any other
 * unknown session is refused at once.
 */
final class SessionCheck implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REFUSED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error("invalid_token", "No such session, or it has ended", null));
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final KnownSessions sessions;
    private final Duration wait;

    SessionCheck(KnownSessions sessions, Duration wait) {
        this.sessions = sessions;
        this.wait = wait;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String sid = jwt.getClaimAsString(SessionTokens.SESSION_ID);
        if (sid == null || jwt.getSubject() == null) {
            return REFUSED;
        }
        Optional<KnownSession> session = sessions.find(sid);
        Instant issuedAt = jwt.getIssuedAt();
        Instant now = Instant.now();
        if (session.isEmpty() && issuedAt != null && issuedAt.isAfter(now.minus(wait))) {
            Instant deadline = now.plus(wait);
            while (session.isEmpty() && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(POLL_NANOS);
                session = sessions.find(sid);
            }
        }
        return session.filter(s -> !s.ended())
                .filter(s -> s.personId().equals(jwt.getSubject()))
                .filter(s -> Objects.equals(s.uscc(), jwt.getClaimAsString(SessionTokens.ENTERPRISE)))
                .filter(s -> Objects.equals(s.role(), jwt.getClaimAsString(SessionTokens.ENTERPRISE_ROLE)))
                .filter(s -> s.passwordChangeRequired()
                        == Boolean.TRUE.equals(jwt.getClaimAsBoolean(SessionTokens.PASSWORD_CHANGE_REQUIRED)))
                .isPresent() ? OAuth2TokenValidatorResult.success() : REFUSED;
    }
}
