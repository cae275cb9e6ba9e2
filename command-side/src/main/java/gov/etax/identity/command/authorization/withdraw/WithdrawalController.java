package gov.etax.identity.command.authorization.withdraw;

import gov.etax.identity.command.infrastructure.security.CurrentActors;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.WithdrawAuthorization;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/authorizations/{id}/withdrawal}: the nominating side (legal representative or
 * finance manager of that enterprise, in an enterprise session; ACC-2) takes a pending request back.
 */
@RestController
public class WithdrawalController {

    private final CommandGateway commands;

    public WithdrawalController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/authorizations/{authorizationId}/withdrawal")
    public Map<String, String> withdraw(@PathVariable String authorizationId, @AuthenticationPrincipal Jwt token) {
        commands.sendAndWait(new WithdrawAuthorization(AuthorizationId.parse(authorizationId),
                        CurrentActors.of(CurrentPerson.of(token))));
        return Map.of("authorizationId", authorizationId, "status", "WITHDRAWN");
    }
}
