package gov.etax.identity.command.authorization.reject;

import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.RejectAuthorization;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/authorizations/{id}/rejection}: the nominee turns a pending authorization down
 * (ACC-1: nobody becomes staff without consenting); never the finance manager's (ACC-4).
 */
@RestController
public class RejectionController {

    private final CommandGateway commands;

    public RejectionController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/authorizations/{authorizationId}/rejection")
    public Map<String, String> reject(@PathVariable String authorizationId, @AuthenticationPrincipal Jwt token) {
        commands.sendAndWait(
                new RejectAuthorization(AuthorizationId.parse(authorizationId), CurrentActors.of(CurrentPerson.of(token))));
        return Map.of("authorizationId", authorizationId, "status", "REJECTED");
    }
}
