package gov.etax.identity.command.person.unified;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/province-accounts} lists the person's province accounts;
 * {@code POST /api/me/unified-credentials} makes one of them the national unified credentials (PWD-6).
 */
@RestController
public class UnifiedCredentialsController {

    private final UnifiedCredentialsService service;

    public UnifiedCredentialsController(UnifiedCredentialsService service) {
        this.service = service;
    }

    @GetMapping("/api/me/province-accounts")
    public UnifiedCredentialsService.ProvinceAccounts provinceAccounts(@AuthenticationPrincipal Jwt token) {
        return service.list(CurrentPerson.of(token).personId());
    }

    @PostMapping("/api/me/unified-credentials")
    public UnifiedCredentialsService.Chosen choose(@AuthenticationPrincipal Jwt token,
                                                   @RequestBody UnifiedCredentialsService.Request request) {
        return service.choose(CurrentPerson.of(token).personId(), request);
    }
}
