package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The relationships in force between persons and enterprises, for the decisions that need them at
 * once (enterprise login LOGIN-4, ACC-2 checks, switching ACC-8/ACC-9). A look-up table kept by
 * {@link JdbcAuthorizationLookUps} in the transaction of the events that start and end a
 * relationship; the events stay the truth.
 *
 * <p>A relationship names its holder by identity document, not by person id, because the legal
 * representative is bound before that person may have registered (ACC-3).
 */
public interface Relationships {

    /** The relationships of a registered person in force at {@code now} (expired ones excluded). */
    List<ActiveRelationship> of(PersonId person, Instant now);

    /** Whether the person holds, at {@code now}, the role in the enterprise a session acts for. */
    default boolean holds(PersonId person, ActingFor actingFor, Instant now) {
        return of(person, now).stream()
                .anyMatch(r -> r.uscc().equals(actingFor.enterprise()) && r.role() == actingFor.role());
    }

    /**
     * @param taxOfficerIdentity MAIN or SUB for tax officers, else null
     * @param scopes             function sets granted (ACC-5), empty for the legal representative
     * @param validUntil         end of validity (有效期止), null when open-ended
     */
    record ActiveRelationship(AuthorizationId authorizationId, EnterpriseId enterpriseId, Uscc uscc,
                              RelationshipRole role, String taxOfficerIdentity, Set<String> scopes,
                              Instant validUntil) {
    }
}
