package gov.etax.identity.command.simulator;

import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.DocumentNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Face scans made up on request through {@code POST /api/dev/face-scans}; tokens work once, for 5 minutes. */
@Component
@Profile("dev")
public class SimulatedFaceVerification implements FaceVerification, DevelopmentSimulator {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final Map<String, Scan> scans = new ConcurrentHashMap<>();
    private final Clock clock;

    public SimulatedFaceVerification(Clock clock) {
        this.clock = clock;
    }

    public Scan scan(DocumentNumber document, Outcome outcome) {
        if (outcome == Outcome.NO_SCAN) {
            throw new IllegalArgumentException("a scan either passes or fails");
        }
        Scan scan = new Scan("face-token-" + UUID.randomUUID(), document, outcome,
                "face-scan-" + UUID.randomUUID(), clock.instant().plus(TOKEN_LIFETIME));
        scans.put(scan.token(), scan);
        return scan;
    }

    @Override
    public FaceScanResult redeem(String token) {
        return resultOf(token == null ? null : scans.remove(token));
    }

    @Override
    public FaceScanResult inspect(String token) {
        return resultOf(token == null ? null : scans.get(token));
    }

    private FaceScanResult resultOf(Scan scan) {
        if (scan == null || clock.instant().isAfter(scan.expiresAt())) {
            return FaceScanResult.noScan();
        }
        return new FaceScanResult(scan.outcome(), scan.verificationId(), scan.document());
    }

    public record Scan(String token, DocumentNumber document, Outcome outcome, String verificationId, Instant expiresAt) {
    }
}
