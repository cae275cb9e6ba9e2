package gov.etax.identity.command.verification;

import gov.etax.identity.kernel.person.DocumentNumber;

/**
 * The external face-verification service (the tax app's or IIT app's face scan). A scan yields a
 * one-time token; redeeming it tells whether the face matched the holder of the document.
 */
public interface FaceVerification {

    /** Spends the token: a second redemption finds no scan. */
    FaceScanResult redeem(String token);

    /** The scan behind a token, leaving the token unspent (NO_SCAN when unknown, expired or used). */
    FaceScanResult inspect(String token);

    enum Outcome {
        /** The face matched the document holder. */
        PASSED,
        /** A scan took place and did not match (REG-4 guidance applies). */
        FAILED,
        /** No scan behind the token: unknown, expired or already used. */
        NO_SCAN
    }

    /**
     * @param verificationId the service's reference for the scan, kept in the history as evidence
     * @param document       whose face was scanned (null when there was no scan)
     */
    record FaceScanResult(Outcome outcome, String verificationId, DocumentNumber document) {

        static final FaceScanResult NO_SCAN = new FaceScanResult(Outcome.NO_SCAN, null, null);

        /** The scan passed for the holder of exactly this document. */
        public boolean passedFor(DocumentNumber expected) {
            return outcome == Outcome.PASSED && expected.equals(document);
        }

        public static FaceScanResult noScan() {
            return NO_SCAN;
        }
    }
}
