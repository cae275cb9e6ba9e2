package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import java.time.Instant;

/**
 * A person's session as its tokens name it.
 *
 * @param actingFor the enterprise and role of an enterprise or agent session, else null
 */
public record PersonSession(SessionId sessionId, PersonId personId, LoginEntry entry, AuthenticationMethod method,
                            Instant issuedAt, Instant expiresAt, Instant endedAt, boolean passwordChangeRequired,
                            ActingFor actingFor) {

    public boolean isActiveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
