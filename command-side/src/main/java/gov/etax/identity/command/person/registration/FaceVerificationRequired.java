package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;

/** REG-2: face verification is part of registration; no person is registered without one. */
public final class FaceVerificationRequired {

    private FaceVerificationRequired() {
    }

    public static void check(String faceVerificationId) {
        if (faceVerificationId == null || faceVerificationId.isBlank()) {
            throw PersonReason.FACE_VERIFICATION_REQUIRED.refusal();
        }
    }
}
