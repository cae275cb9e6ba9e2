package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import java.time.Instant;

/**
 * The set-based side of authorizations: at most one pending or active authorization per
 * enterprise, role and holder, across every node. Written in the same transaction as the authorization's events.
 */
public interface AuthorizationClaims {

    /**
     * @param validUntil the instant the authorization stops working, null when open-ended
     * @throws gov.etax.identity.kernel.refusal.Refusal ALREADY_AUTHORIZED
     */
    void claim(AuthorizationId authorizationId, Uscc uscc, RelationshipRole role, DocumentNumber holder, Instant validUntil);

    /** A cheap early answer; the claim itself stays the guard under concurrency. */
    boolean isClaimed(Uscc uscc, RelationshipRole role, DocumentNumber holder);

    /** The authorization is over (rejected, withdrawn, revoked, expired): its holder may be nominated again. */
    void release(AuthorizationId authorizationId);
}
