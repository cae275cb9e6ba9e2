package gov.etax.identity.command.authorization.confirm;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.HolderSealing;
import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import gov.etax.identity.kernel.refusal.Refusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * ACC-4, ACC-5: the nominee confirms a pending authorization. The face scan (an outside call) is
 * redeemed here, outside any transaction, and must be of the caller's own document; the command
 * then carries its reference, and the authorization decides. Confirming is a risk matter (REG-5):
 * a passed scan of a level-3 nominee also raises their real-name level to 4.
 */
@Service
public class AuthorizationConfirmation {

    private final FaceVerification faceVerification;
    private final HolderSealing sealing;
    private final CommandGateway commands;

    public AuthorizationConfirmation(FaceVerification faceVerification, HolderSealing sealing,
                                     CommandGateway commands) {
        this.faceVerification = faceVerification;
        this.sealing = sealing;
        this.commands = commands;
    }

    public void confirm(CurrentPerson caller, String authorizationId, String faceVerificationToken) {
        AuthorizationId id = AuthorizationId.parse(authorizationId);
        String faceVerificationId = null;
        boolean failedScanOfCaller = false;
        if (faceVerificationToken != null && !faceVerificationToken.isBlank()) {
            FaceScanResult scan = faceVerification.redeem(faceVerificationToken);
            boolean callersFace = scan.document() != null
                    && sealing.registeredWith(scan.document()).filter(caller.personId()::equals).isPresent();
            if (callersFace && scan.outcome() == FaceVerification.Outcome.PASSED) {
                faceVerificationId = scan.verificationId();
            }
            failedScanOfCaller = callersFace && scan.outcome() == FaceVerification.Outcome.FAILED;
        }
        try {
            commands.sendAndWait(
                    new ConfirmAuthorization(id, CurrentActors.of(caller), caller.verifiedByFace(), faceVerificationId));
        } catch (Refusal refusal) {
            throw failedScanOfCaller && refusal.reason() == AuthorizationReason.FACE_VERIFICATION_REQUIRED
                    ? AuthorizationReason.FACE_VERIFICATION_FAILED.refusal() : refusal;
        }
        if (faceVerificationId != null) {
            commands.sendAndWait(new RaiseRealNameLevel(caller.personId(), faceVerificationId));
        }
    }
}
