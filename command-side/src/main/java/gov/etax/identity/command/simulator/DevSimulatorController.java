package gov.etax.identity.command.simulator;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.command.verification.FaceVerification.Outcome;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Drives the simulators in development: what a phone app or an operator would do. */
@RestController
@Profile("dev")
@RequestMapping("/api/dev")
public class DevSimulatorController {

    private final SimulatedFaceVerification faceVerification;
    private final SimulatedIdentityRegister identityRegister;
    private final SimulatedSmsGateway smsGateway;

    public DevSimulatorController(SimulatedFaceVerification faceVerification,
                                  SimulatedIdentityRegister identityRegister,
                                  SimulatedSmsGateway smsGateway) {
        this.faceVerification = faceVerification;
        this.identityRegister = identityRegister;
        this.smsGateway = smsGateway;
    }

    public record FaceScanRequest(String documentType, String documentNumber, String outcome) {
    }

    public record FaceScanResponse(String token, String outcome, java.time.Instant expiresAt) {
    }

    @PostMapping("/face-scans")
    @ResponseStatus(HttpStatus.CREATED)
    public FaceScanResponse scanFace(@RequestBody FaceScanRequest request) {
        DocumentNumber document = new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber());
        Outcome outcome = parseOutcome(request.outcome());
        SimulatedFaceVerification.Scan scan = faceVerification.scan(document, outcome);
        return new FaceScanResponse(scan.token(), outcome.name(), scan.expiresAt());
    }

    public record IdentityRecord(String documentType, String documentNumber, String name) {
    }

    @PostMapping("/identity-register")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void recordIdentity(@RequestBody IdentityRecord record) {
        identityRegister.record(
                new DocumentNumber(DocumentType.parse(record.documentType()), record.documentNumber()),
                new PersonName(record.name()));
    }

    @GetMapping("/sms")
    public List<SimulatedSmsGateway.Sms> sms(@RequestParam String phone) {
        return smsGateway.sentTo(new MobilePhone(phone));
    }

    private static Outcome parseOutcome(String outcome) {
        if ("PASSED".equalsIgnoreCase(outcome)) {
            return Outcome.PASSED;
        }
        if ("FAILED".equalsIgnoreCase(outcome)) {
            return Outcome.FAILED;
        }
        throw CommonReason.MALFORMED_REQUEST.refusal("outcome is PASSED or FAILED");
    }
}
