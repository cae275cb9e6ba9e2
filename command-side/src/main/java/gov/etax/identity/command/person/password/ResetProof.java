package gov.etax.identity.command.person.password;

import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.person.DocumentNumber;

/**
 * PWD-3 step 2: the person named by the document proves themselves by an SMS code sent to one of
 * their bound phones, or by a face scan of that document. Anything else refuses the reset.
 */
public final class ResetProof {

    private ResetProof() {
    }

    /** @param check the answer for a PASSWORD_RESET code of a phone bound to the person ({@code NO_CODE} for another phone) */
    public static void requireSmsCode(SmsCodeCheck check) {
        switch (check) {
            case VALID -> {
            }
            case WRONG -> throw PasswordReason.RESET_SMS_CODE_WRONG.refusal();
            case EXPIRED -> throw PasswordReason.RESET_SMS_CODE_EXPIRED.refusal();
            case EXHAUSTED -> throw PasswordReason.RESET_SMS_CODE_USED_UP.refusal();
            case NO_CODE -> throw PasswordReason.RESET_SMS_CODE_MISSING.refusal();
        }
    }

    /** A passed scan of exactly this document; a failed scan of it gets REG-4's guidance. */
    public static void requireFace(FaceScanResult scan, DocumentNumber document) {
        if (scan.passedFor(document)) {
            return;
        }
        if (scan.outcome() == FaceVerification.Outcome.FAILED && document.equals(scan.document())) {
            throw PasswordReason.RESET_FACE_VERIFICATION_FAILED.refusal();
        }
        throw PasswordReason.RESET_FACE_NOT_VERIFIED.refusal();
    }
}
