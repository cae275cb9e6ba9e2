package gov.etax.identity.command.person.realname;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.RiskMatters;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** REG-5: 【个人实名等级】, a level-3 person raises their level to 4 with a face scan of their own document. */
@Service
public class RealNameService implements RiskMatters {

    private final PersonDirectory directory;
    private final FaceVerification faceVerification;
    private final CommandGateway commandGateway;
    private final RealNameLevels levels;

    public RealNameService(PersonDirectory directory, FaceVerification faceVerification, CommandGateway commandGateway,
                           RealNameLevels levels) {
        this.directory = directory;
        this.faceVerification = faceVerification;
        this.commandGateway = commandGateway;
        this.levels = levels;
    }

    /** @param raised false when the person already had level 4 */
    @Schema(name = "RealNameRaiseResult")
    public record Result(int realNameLevel, boolean raised) {
    }

    public Result raise(PersonId person, String faceVerificationToken) {
        String faceVerificationId = OwnFaceScan.verify(faceVerification, directory, person, faceVerificationToken,
                RealNameReason.REAL_NAME_FACE_VERIFICATION_REQUIRED);
        return new Result(RealNameLevel.LEVEL_4.number(), raiseByRiskMatter(person, faceVerificationId));
    }

    /**
     * REG-5, 风险实名事项: a risk-sensitive operation already checked a passed face scan of the
     * person's own document ({@link OwnFaceScan}); that scan raises a level-3 person to level 4.
     *
     * @return false when the person already had level 4
     */
    /**
     * REG-5, 系统自动提示扫脸: a risk matter that does not itself take a face scan asks a level-3
     * person for one, and the passed scan raises them; a level-4 person is asked nothing.
     */
    @Override
    public void askInRiskMatter(PersonId person, String faceVerificationToken) {
        if (levels.of(person) == RealNameLevel.LEVEL_4) {
            return;
        }
        raiseByRiskMatter(person, OwnFaceScan.verify(faceVerification, directory, person, faceVerificationToken,
                RealNameReason.RISK_MATTER_FACE_SCAN_REQUIRED));
    }

    /**
     * A risk matter done in a session: a session opened by face (password + face, or a scan login)
     * has just proven the face, so no second scan is asked; the session carries no scan reference,
     * so it does not raise the level either.
     */
    public void askInRiskMatter(CurrentPerson caller, String faceVerificationToken) {
        if (!caller.verifiedByFace()) {
            askInRiskMatter(caller.personId(), faceVerificationToken);
        }
    }

    public boolean raiseByRiskMatter(PersonId person, String faceVerificationId) {
        return Boolean.TRUE.equals(commandGateway.sendAndWait(new RaiseRealNameLevel(person, faceVerificationId)));
    }
}
