package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import java.time.Instant;
import java.util.Optional;

/** Open sessions, so that a logged-out session's tokens stop working at once on the command side. */
public interface SessionStore {

    void open(Session session);

    void end(SessionId sessionId, Instant endedAt);

    Optional<Session> find(SessionId sessionId);

    /** @param actingFor the enterprise and role of an enterprise or agent session, else null */
    record Session(SessionId sessionId, PersonId personId, LoginEntry entry, AuthenticationMethod method,
                   Instant issuedAt, Instant expiresAt, Instant endedAt, boolean passwordChangeRequired,
                   ActingFor actingFor) {

        public boolean isActiveAt(Instant now) {
            return endedAt == null && now.isBefore(expiresAt);
        }
    }
}
