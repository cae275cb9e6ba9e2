package gov.etax.identity.command.person.signin;

import com.fasterxml.jackson.annotation.JsonProperty;
import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.refusal.Reason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A session and its token, as a login, a switch or a scan login answers it.
 *
 * @param enterprise and {@code role}: what an enterprise or agent session acts for, else null
 * @param notice     what the person must do first, when the session may only do that (PWD-4), else null
 */
public record SessionGranted(String accessToken, String tokenType, Instant expiresAt, String sessionId,
                             String personId, String entry, String verifiedBy, boolean passwordChangeRequired,
                             String enterprise, String role,
                             @Schema(description = "Present when the session may only do one thing first: "
                                     + "PASSWORD_NOT_SET (PWD-4), set a password with POST /api/me/password")
                             Notice notice) {

    public static SessionGranted of(PersonSession session, String token) {
        ActingFor actingFor = session.actingFor();
        return new SessionGranted(token, "Bearer", session.expiresAt(), session.sessionId().value(),
                session.personId().value(), session.entry().name(), session.method().verifiedBy(),
                session.passwordChangeRequired(),
                actingFor == null ? null : actingFor.enterprise().value(),
                actingFor == null ? null : actingFor.role().name(), null);
    }

    public SessionGranted with(Reason reason) {
        return new SessionGranted(accessToken, tokenType, expiresAt, sessionId, personId, entry, verifiedBy,
                passwordChangeRequired, enterprise, role,
                new Notice(reason.code(), reason.rule(), reason.message(), reason.messageZh()));
    }

    /** A refusal's wording, told beside a session that was granted. */
    public record Notice(String code, String rule, String message, @JsonProperty("message_zh") String messageZh) {
    }
}
