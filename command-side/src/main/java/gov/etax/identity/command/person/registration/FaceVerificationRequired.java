package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.kernel.person.RealNameEvidence;

/**
 * REG-2: face verification is part of registration; no person is registered without one, or without
 * the hall's real-name collection that stands in for it when the scan keeps failing (REG-4).
 */
public final class FaceVerificationRequired {

    private FaceVerificationRequired() {
    }

    public static void check(RealNameEvidence verifiedBy, String faceVerificationId) {
        if (verifiedBy == RealNameEvidence.HALL_COLLECTION) {
            return;
        }
        if (faceVerificationId == null || faceVerificationId.isBlank()) {
            throw PersonReason.FACE_VERIFICATION_REQUIRED.refusal();
        }
    }
}
