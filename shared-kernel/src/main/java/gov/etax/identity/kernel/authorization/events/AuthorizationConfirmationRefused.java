package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.PersonId;

/**
 * Someone other than the party the pending authorization waits for tried to confirm or reject it
 * (ACC-1: nobody becomes staff without consenting, and nobody consents for another). The
 * authorization stays pending; this is the only trace of the attempt.
 */
public record AuthorizationConfirmationRefused(AuthorizationId authorizationId, PersonId attemptedBy, Attempt attempt) {

    public enum Attempt {
        CONFIRMATION,
        REJECTION
    }
}
