package gov.etax.identity.command.person.password;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.registration.PasswordPolicy;
import gov.etax.identity.command.person.signin.SignInReason;
import gov.etax.identity.command.sms.SmsChallenges;
import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.sms.SmsPurpose;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import gov.etax.identity.kernel.person.commands.ResetPassword;
import gov.etax.identity.kernel.person.events.PasswordReset;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Forgot password (PWD-3): document, then an SMS code to a bound phone of that person or a face
 * scan of that document, then the new password. The checks, the second factor and the slow hash
 * happen outside any transaction; the person then records the reset, which unlocks (PWD-5).
 */
@Service
public class PasswordResetService {

    private final PersonDirectory directory;
    private final SmsChallenges smsChallenges;
    private final FaceVerification faceVerification;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;
    private final OpenSessions openSessions;
    private final Clock clock;

    public PasswordResetService(PersonDirectory directory, SmsChallenges smsChallenges, FaceVerification faceVerification,
                                PasswordEncoder passwordEncoder, CommandGateway commandGateway, OpenSessions openSessions,
                                Clock clock) {
        this.directory = directory;
        this.smsChallenges = smsChallenges;
        this.faceVerification = faceVerification;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
        this.openSessions = openSessions;
        this.clock = clock;
    }

    /** Either {@code smsCode} with the {@code phone} it was sent to, or {@code faceVerificationToken}. */
    @Schema(name = "PasswordResetRequest")
    public record Request(String documentType, String documentNumber, String newPassword, String smsCode, String phone,
                          String faceVerificationToken) {
    }

    /** @param sessionsEnded the person's open sessions, ended by the reset */
    @Schema(name = "PasswordResetOutcome")
    public record Reset(boolean passwordReset, boolean accountUnlocked, int sessionsEnded) {
    }

    public Reset reset(Request request) {
        DocumentNumber document = new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber());
        PersonId person = directory.withDocument(document).orElseThrow(SignInReason.ACCOUNT_NOT_REGISTERED::refusal);
        boolean bySms = present(request.smsCode());
        if (bySms == present(request.faceVerificationToken())) {
            throw PasswordReason.RESET_VERIFICATION_REQUIRED.refusal();
        }
        MobilePhone phone = bySms ? new MobilePhone(request.phone()) : null;
        // Checked before the second factor, so a refused password spends no code and no scan.
        PasswordPolicy.check(request.newPassword());
        // Hashed before the second factor too: busy hashing CPUs (503) spend no code and no scan.
        PasswordHash hash = new PasswordHash(passwordEncoder.encode(request.newPassword()));

        String faceVerificationId = null;
        if (bySms) {
            // Another person's phone is answered like a phone without a code, and its code is not spent.
            boolean ownPhone = directory.withPhone(phone).filter(person::equals).isPresent();
            ResetProof.requireSmsCode(ownPhone
                    ? smsChallenges.verify(phone, SmsPurpose.PASSWORD_RESET, request.smsCode()) : SmsCodeCheck.NO_CODE);
        } else {
            FaceScanResult scan = faceVerification.redeem(request.faceVerificationToken());
            ResetProof.requireFace(scan, document);
            faceVerificationId = scan.verificationId();
        }

        boolean unlocked = commandGateway.sendAndWait(new ResetPassword(person, hash,
                bySms ? PasswordReset.Method.SMS : PasswordReset.Method.FACE));
        if (faceVerificationId != null) {
            // A risk matter (REG-5): the passed scan raises a level-3 person to level 4.
            commandGateway.sendAndWait(new RaiseRealNameLevel(person, faceVerificationId));
        }
        // Whoever knew the old password may be holding a session: a reset ends them all.
        List<SessionId> open = openSessions.of(person, clock.instant());
        open.forEach(session -> commandGateway.sendAndWait(
                EndSession.because(person, session, SessionEndReason.PASSWORD_RESET)));
        return new Reset(true, unlocked, open.size());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
