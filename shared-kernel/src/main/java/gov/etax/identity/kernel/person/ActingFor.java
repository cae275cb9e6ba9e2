package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.util.Objects;

/** In an enterprise or agent session: the enterprise the person acts for, and in which role (PWD-1, ACC-8). */
public record ActingFor(Uscc enterprise, RelationshipRole role) {
    public ActingFor {
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(role, "role");
    }
}
