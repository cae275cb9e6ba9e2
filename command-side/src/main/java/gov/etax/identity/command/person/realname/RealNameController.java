package gov.etax.identity.command.person.realname;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/me/real-name-level}: raise the real-name level from 3 to 4 with a face scan (REG-5). */
@RestController
public class RealNameController {

    private final RealNameService realName;

    public RealNameController(RealNameService realName) {
        this.realName = realName;
    }

    @Schema(name = "RealNameRaiseRequest")
    public record Request(String faceVerificationToken) {
    }

    /** 200 with the level now held; {@code raised} tells whether this request raised it. */
    @PostMapping("/api/me/real-name-level")
    public RealNameService.Result raise(@AuthenticationPrincipal Jwt token, @RequestBody Request request) {
        return realName.raise(CurrentPerson.of(token).personId(), request.faceVerificationToken());
    }
}
