package gov.etax.identity.command.person;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a person may act as for enterprises, read from the relationship tables the authorization
 * module keeps (the tables are shared, the code is not): enterprise login (LOGIN-4), switching
 * (ACC-8, ACC-9), and whether a session still acts under a relationship in force (ACC-2).
 */
public interface EnterpriseRoles {

    /** The roles the person holds at {@code now}, per enterprise (expired relationships excluded). */
    List<ActingFor> heldBy(PersonId person, Instant now);

    /** Whether the person holds, at {@code now}, the role in the enterprise a session acts for. */
    default boolean holds(PersonId person, ActingFor actingFor, Instant now) {
        return heldBy(person, now).contains(actingFor);
    }

    /** ACC-4: the finance manager authorization reported for the person and not yet in force. */
    Optional<AuthorizationId> financeManagerPendingFor(PersonId person, Uscc enterprise);

    /** The roles the person holds in one enterprise, without repeats. */
    default List<RelationshipRole> rolesIn(PersonId person, Uscc enterprise, Instant now) {
        return heldBy(person, now).stream().filter(a -> a.enterprise().equals(enterprise))
                .map(ActingFor::role).distinct().toList();
    }
}
