package gov.etax.identity.command.authorization.confirm;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.Confirmation;

/**
 * ACC-5: the nominee confirms with a face scan; no second scan if the session itself was opened by
 * face verification. The scan is checked against the nominee's document before the command; the
 * command carries its reference as evidence.
 */
public final class FaceRequiredUnlessSessionByFace {

    private FaceRequiredUnlessSessionByFace() {
    }

    /** @return how the confirmation was vouched for */
    public static Confirmation check(boolean sessionVerifiedByFace, String faceVerificationId) {
        if (faceVerificationId != null && !faceVerificationId.isBlank()) {
            return Confirmation.FACE_SCAN;
        }
        if (sessionVerifiedByFace) {
            return Confirmation.FACE_SESSION;
        }
        throw AuthorizationReason.FACE_VERIFICATION_REQUIRED.refusal();
    }
}
