package gov.etax.identity.command.person.password;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import java.time.Instant;
import java.util.List;

/** The person's sessions that have neither ended nor expired (a reset ends them, PWD-3). */
public interface OpenSessions {

    List<SessionId> of(PersonId personId, Instant now);
}
