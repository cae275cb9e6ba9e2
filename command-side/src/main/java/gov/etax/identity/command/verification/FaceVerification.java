package gov.etax.identity.command.verification;

import gov.etax.identity.kernel.person.DocumentNumber;

/**
 * The external face-verification service (the tax app's or IIT app's face scan). A scan yields a
 * one-time token; redeeming it tells whether the face matched the holder of the document.
 */
public interface FaceVerification {

    FaceScanResult redeem(String token, DocumentNumber document);

    enum Outcome {
        /** The face matched the document holder. */
        PASSED,
        /** A scan took place and did not match (REG-4 guidance applies). */
        FAILED,
        /** No scan behind the token: unknown, expired, already used, or for another document. */
        NO_SCAN
    }

    /** @param verificationId the service's reference for the scan, kept in the history as evidence */
    record FaceScanResult(Outcome outcome, String verificationId) {
    }
}
