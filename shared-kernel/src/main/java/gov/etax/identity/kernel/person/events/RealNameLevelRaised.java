package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;

/**
 * REG-5: a person's real-name level rose after a passed face scan of their own document.
 *
 * @param faceVerificationId the face-verification service's reference for the scan, as evidence
 */
public record RealNameLevelRaised(PersonId personId, RealNameLevel from, RealNameLevel to, String faceVerificationId) {
}
