package gov.etax.identity.kernel.authorization;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.PersonId;
import java.util.Objects;

/**
 * The person behind a command on an authorization, as their session presents them.
 *
 * @param actingFor the enterprise and role of an enterprise session, null in a natural-person session
 */
public record Actor(PersonId personId, ActingFor actingFor) {

    public Actor {
        Objects.requireNonNull(personId, "personId");
    }
}
