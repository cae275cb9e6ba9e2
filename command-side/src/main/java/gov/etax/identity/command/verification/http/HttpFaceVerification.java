package gov.etax.identity.command.verification.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The face verification service: {@code POST /v1/face-scans/redemptions} spends a token,
 * {@code POST /v1/face-scans/lookups} reads it unspent (docs/outside-services.md).
 */
@Component
@Profile("!dev")
public class HttpFaceVerification implements FaceVerification {

    private static final int NO_SUCH_SCAN = 404;

    private final OutsideService service;

    public HttpFaceVerification(OutsideServiceProperties properties, ObjectMapper json, Clock clock) {
        this.service = new OutsideService("face-verification", properties.faceVerification(),
                OutsideServiceReason.FACE_VERIFICATION_UNAVAILABLE, json, clock);
    }

    @Override
    public FaceScanResult redeem(String token) {
        if (token == null || token.isBlank()) {
            return FaceScanResult.noScan();
        }
        // One request id for all attempts: the service answers a repeated redemption as it did the
        // first, so a retry after a lost answer does not find the token spent.
        return service.post("/v1/face-scans/redemptions",
                Map.of("token", token, "requestId", UUID.randomUUID().toString()), Set.of(NO_SUCH_SCAN),
                HttpFaceVerification::result);
    }

    @Override
    public FaceScanResult inspect(String token) {
        if (token == null || token.isBlank()) {
            return FaceScanResult.noScan();
        }
        // A look-up leaves the token unspent, so a retry needs no request id.
        return service.post("/v1/face-scans/lookups", Map.of("token", token), Set.of(NO_SUCH_SCAN),
                HttpFaceVerification::result);
    }

    private static FaceScanResult result(OutsideService.Answer answer) {
        if (answer.status() == NO_SUCH_SCAN) {
            return FaceScanResult.noScan();
        }
        JsonNode body = answer.body();
        Outcome outcome = switch (body.path("outcome").asText()) {
            case "PASSED" -> Outcome.PASSED;
            case "FAILED" -> Outcome.FAILED;
            default -> throw new IllegalStateException("outcome is PASSED or FAILED");
        };
        // The document whose holder was scanned; a malformed one makes the answer unreadable.
        DocumentNumber document = new DocumentNumber(DocumentType.parse(body.path("documentType").asText()),
                body.path("documentNumber").asText());
        return new FaceScanResult(outcome, body.path("verificationId").asText(null), document);
    }
}
