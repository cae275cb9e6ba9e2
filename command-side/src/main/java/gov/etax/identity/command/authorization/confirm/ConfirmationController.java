package gov.etax.identity.command.authorization.confirm;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/authorizations/{id}/confirmation} {@code {faceVerificationToken}}: 确认授权. The
 * nominee confirms (ACC-4, ACC-5); for a tax agent relationship, the other enterprise's legal
 * representative or finance manager in an enterprise session.
 */
@RestController
public class ConfirmationController {

    private final AuthorizationConfirmation confirmation;

    public ConfirmationController(AuthorizationConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    @Schema(name = "AuthorizationConfirmationRequest")
    public record ConfirmationRequest(String faceVerificationToken) {
    }

    @PostMapping("/api/authorizations/{authorizationId}/confirmation")
    public Map<String, String> confirm(@PathVariable String authorizationId,
                                       @RequestBody(required = false) ConfirmationRequest request,
                                       @AuthenticationPrincipal Jwt token) {
        confirmation.confirm(CurrentPerson.of(token), authorizationId,
                request == null ? null : request.faceVerificationToken());
        return Map.of("authorizationId", authorizationId, "status", "ACTIVE");
    }
}
