package gov.etax.identity.command.sms;

import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;

/**
 * LOGIN-2, LOGIN-3: a code to bind a phone goes to a signed-in person, or, before login (phone
 * recovery), to a caller holding a passed face scan that is not yet spent. Otherwise anybody could
 * make the bureau text any number for free.
 */
public final class SmsBindingCaller {

    private SmsBindingCaller() {
    }

    /** The scan as the caller to count sends against, or the refusal. */
    public static String scanOf(FaceScanResult scan) {
        if (scan.outcome() != FaceVerification.Outcome.PASSED) {
            throw SmsReason.PHONE_BINDING_NEEDS_SIGN_IN.refusal();
        }
        return "face:" + scan.verificationId();
    }
}
