package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;

/**
 * The pending authorization was confirmed and the relationship is in force (ACC-4, ACC-5).
 *
 * @param confirmedFor       the enterprise the confirming person acted for (tax agent relationships), else null
 * @param faceVerificationId the face-verification service's reference of the scan, when one was made
 */
public record AuthorizationConfirmed(
        AuthorizationId authorizationId,
        PersonId confirmedBy,
        Uscc confirmedFor,
        Confirmation confirmation,
        String faceVerificationId) {
}
