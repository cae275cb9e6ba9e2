package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import java.time.Instant;
import java.util.List;

/** Which pending or active authorizations reach their end of validity (有效期止). */
public interface AuthorizationClaims {

    /** Pending or active authorizations whose end of validity is at or before {@code now}, oldest first. */
    List<AuthorizationId> dueAt(Instant now, int limit);
}
