package gov.etax.identity.command.person.realname;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** REG-5: 【个人实名等级】, a level-3 person raises their level to 4 with a face scan of their own document. */
@Service
public class RealNameService {

    private final PersonDirectory directory;
    private final FaceVerification faceVerification;
    private final CommandGateway commandGateway;

    public RealNameService(PersonDirectory directory, FaceVerification faceVerification, CommandGateway commandGateway) {
        this.directory = directory;
        this.faceVerification = faceVerification;
        this.commandGateway = commandGateway;
    }

    /** @param raised false when the person already had level 4 */
    @Schema(name = "RealNameRaiseResult")
    public record Result(int realNameLevel, boolean raised) {
    }

    public Result raise(PersonId person, String faceVerificationToken) {
        String faceVerificationId = OwnFaceScan.verify(faceVerification, directory, person, faceVerificationToken,
                RealNameReason.REAL_NAME_FACE_VERIFICATION_REQUIRED);
        Boolean raised = commandGateway.sendAndWait(new RaiseRealNameLevel(person, faceVerificationId));
        return new Result(RealNameLevel.LEVEL_4.number(), Boolean.TRUE.equals(raised));
    }
}
