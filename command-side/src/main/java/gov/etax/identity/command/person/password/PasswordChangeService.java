package gov.etax.identity.command.person.password;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.CredentialStore.StoredCredential;
import gov.etax.identity.command.person.realname.RealNameService;
import gov.etax.identity.command.person.registration.PasswordPolicy;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.commands.ChangePassword;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.refusal.CommonReason;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * "个人密码修改" (PWD-4) for a logged-in person: the current password and the new one are checked
 * and the new one hashed outside any transaction; the person records the change or the refusal.
 * A session that had to change an initial password (PWD-2) ends after the change, so the person
 * logs in again with the new password and gets an ordinary session. Any other change is a risk
 * matter (REG-5): a level-3 person in a session not opened by face gives a face scan.
 */
@Service
public class PasswordChangeService {

    private final CredentialStore credentials;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;
    private final RealNameService realName;

    public PasswordChangeService(CredentialStore credentials, PasswordEncoder passwordEncoder,
                                 CommandGateway commandGateway, RealNameService realName) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
        this.realName = realName;
    }

    @Schema(name = "PasswordChangeRequest")
    public record Request(@Schema(description = "Required, except in a session of a person without a password (PWD-4)")
                          String currentPassword,
                          String newPassword,
                          @Schema(description = "Asked of a person at real-name level 3 (a risk matter, REG-5) in a "
                                  + "session not opened by face, except for the change a session must make first "
                                  + "(PWD-2, PWD-4): a passed face scan of their own document, which raises them to "
                                  + "level 4; without it 422 RISK_MATTER_FACE_SCAN_REQUIRED")
                          String faceVerificationToken) {
    }

    /** @param sessionEnded the caller's token no longer works: log in again with the new password */
    @Schema(name = "PasswordChangeOutcome")
    public record Change(boolean passwordChanged, boolean sessionEnded) {
    }

    public Change change(CurrentPerson caller, boolean passwordChangeRequired, Request request) {
        Optional<StoredCredential> current = credentials.find(caller.personId());
        // PWD-4: a person without a password (scan login through the IIT app) has none to give.
        boolean passwordNotSet = current.isEmpty() && passwordChangeRequired;
        if (!passwordNotSet && (request.currentPassword() == null || request.currentPassword().isEmpty())) {
            throw CommonReason.MISSING_FIELD.refusal("The current password is missing.");
        }
        PasswordPolicy.check(request.newPassword());

        boolean matches = passwordNotSet || current
                .filter(c -> passwordEncoder.matches(c.asTyped(request.currentPassword()), c.hash().encoded())).isPresent();
        // The scan only after the current password matched: a mistyped one costs no scan and still counts.
        if (matches && !passwordChangeRequired) {
            realName.askInRiskMatter(caller, request.faceVerificationToken());
        }
        PasswordHash newHash = matches ? new PasswordHash(passwordEncoder.encode(request.newPassword())) : null;
        // A wrong current password comes back as the person's recorded refusal (and may end the session).
        commandGateway.sendAndWait(new ChangePassword(caller.personId(), caller.sessionId(), matches, newHash));
        if (passwordChangeRequired) {
            commandGateway.sendAndWait(EndSession.because(caller.personId(), caller.sessionId(),
                    SessionEndReason.PASSWORD_CHANGED));
        }
        return new Change(true, passwordChangeRequired);
    }
}
