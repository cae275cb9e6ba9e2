package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a token check asks of the sessions and relationships the person module keeps, so that a
 * logged-out session's tokens stop working at once on the command side.
 */
public interface SessionLookup {

    Optional<PersonSession> find(SessionId sessionId);

    /** ACC-2: the person still holds the role in the enterprise the session acts for. */
    boolean stillActsFor(PersonId person, ActingFor actingFor, Instant now);
}
