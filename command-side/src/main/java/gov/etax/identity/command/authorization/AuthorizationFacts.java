package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.util.Optional;

/**
 * What the authorization's decisions read from the look-up tables, and nothing they write: the
 * relationships in force, the pending or active authorizations per holder, the registered persons
 * and the confirmed enterprises. Documents are compared by lookup hash, never opened.
 */
public interface AuthorizationFacts extends Relationships {

    /** Whether a pending or active authorization of the enterprise in the role names the document. */
    boolean isClaimed(Uscc uscc, RelationshipRole role, String documentHash);

    /** Whether the person registered with the identity document the pending or active authorization names. */
    boolean isRegisteredHolder(AuthorizationId authorizationId, PersonId person);

    /** The person registered with the identity document of this lookup hash. */
    Optional<PersonId> personWithDocument(String documentHash);

    /** The enterprise whose tax information was confirmed under the code (REG-1). */
    Optional<EnterpriseId> enterpriseWith(Uscc uscc);
}
