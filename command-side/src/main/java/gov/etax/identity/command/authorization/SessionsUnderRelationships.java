package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;

/**
 * ACC-1, ACC-6, ACC-7: a relationship that ends (revoked, legal representative replaced, expired)
 * ends the enterprise and agent sessions acting under it, each with its own {@code SessionEnded}
 * (reason RELATIONSHIP_ENDED, the authorization's id), as a logout does.
 */
public interface SessionsUnderRelationships {

    /** @return how many open sessions acted under the authorization and are now ended */
    int endAll(AuthorizationId ended);
}
