package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sessions as their events left them (a look-up kept in the command's transaction), so that a
 * logged-out session's tokens stop working at once on the command side.
 */
public interface SessionStore {

    Optional<PersonSession> find(SessionId sessionId);

    /** The sessions open at {@code now} that act under the authorization's relationship. */
    List<PersonSession> openUnder(AuthorizationId authorizationId, Instant now);
}
