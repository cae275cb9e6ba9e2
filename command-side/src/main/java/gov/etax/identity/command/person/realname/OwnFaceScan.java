package gov.etax.identity.command.person.realname;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.refusal.Reason;

/**
 * A face scan must be of the person's own document (REG-5, LOGIN-3): the scan names the document
 * whose holder's face matched, and that document must be the one this person registered with.
 */
public final class OwnFaceScan {

    private OwnFaceScan() {
    }

    /**
     * Spends the one-time token and returns the scan's verification id.
     *
     * @param whenMissing the refusal for no token, an unknown, expired or used one, or a scan of
     *                    another document; a failed scan of the person's own document is REG-4's
     *                    {@code FACE_VERIFICATION_FAILED} with its guidance
     */
    public static String verify(FaceVerification faceVerification, PersonDirectory directory, PersonId person,
                                String token, Reason whenMissing) {
        if (token == null || token.isBlank()) {
            throw whenMissing.refusal();
        }
        FaceScanResult scan = faceVerification.redeem(token);
        boolean ownDocument = scan.document() != null
                && directory.withDocument(scan.document()).filter(person::equals).isPresent();
        if (ownDocument && scan.outcome() == FaceVerification.Outcome.PASSED) {
            return scan.verificationId();
        }
        if (ownDocument && scan.outcome() == FaceVerification.Outcome.FAILED) {
            throw PersonReason.FACE_VERIFICATION_FAILED.refusal();
        }
        throw whenMissing.refusal(
                "The face verification token is unknown, expired, already used or for another person's document.");
    }
}
