package gov.etax.identity.command.authorization.confirm;

import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.Outcome;
import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.realname.RealNameService;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
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
    private final PersonDirectory directory;
    private final CommandGateway commands;
    private final RealNameService realName;

    public AuthorizationConfirmation(FaceVerification faceVerification, PersonDirectory directory,
                                     CommandGateway commands, RealNameService realName) {
        this.faceVerification = faceVerification;
        this.directory = directory;
        this.commands = commands;
        this.realName = realName;
    }

    public void confirm(CurrentPerson caller, String authorizationId, String faceVerificationToken) {
        AuthorizationId id = AuthorizationId.parse(authorizationId);
        String faceVerificationId = null;
        boolean failedScanOfCaller = false;
        if (faceVerificationToken != null && !faceVerificationToken.isBlank()) {
            FaceScanResult scan = faceVerification.redeem(faceVerificationToken);
            boolean callersFace = scan.document() != null
                    && directory.withDocument(scan.document()).filter(caller.personId()::equals).isPresent();
            if (callersFace && scan.outcome() == FaceVerification.Outcome.PASSED) {
                faceVerificationId = scan.verificationId();
            }
            failedScanOfCaller = callersFace && scan.outcome() == FaceVerification.Outcome.FAILED;
        }
        try {
            Outcome outcome = commands.sendAndWait(
                    new ConfirmAuthorization(id, CurrentActors.of(caller), caller.verifiedByFace(), faceVerificationId));
            outcome.orThrow();
        } catch (Refusal refusal) {
            throw failedScanOfCaller && refusal.reason() == AuthorizationReason.FACE_VERIFICATION_REQUIRED
                    ? AuthorizationReason.FACE_VERIFICATION_FAILED.refusal() : refusal;
        }
        if (faceVerificationId != null) {
            realName.raiseByRiskMatter(caller.personId(), faceVerificationId);
        }
    }
}
