package gov.etax.identity.command.person.password;

import gov.etax.identity.command.infrastructure.config.HashingAdmission;
import gov.etax.identity.command.infrastructure.ratelimit.FailedAttemptsPerAddress;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.security.SessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/password-resets}: forgot password, without login (PWD-3).
 * {@code POST /api/me/password}: change the password in the account center (PWD-4); the one call
 * besides logout a session with an initial password may make (PWD-2).
 */
@RestController
public class PasswordController {

    private final PasswordResetService resets;
    private final FailedAttemptsPerAddress failedAttempts;
    private final PasswordChangeService changes;
    private final HashingAdmission hashing;

    public PasswordController(PasswordResetService resets, PasswordChangeService changes,
                              FailedAttemptsPerAddress failedAttempts, HashingAdmission hashing) {
        this.hashing = hashing;
        this.resets = resets;
        this.failedAttempts = failedAttempts;
        this.changes = changes;
    }

    @PostMapping("/api/password-resets")
    public PasswordResetService.Reset reset(@RequestBody PasswordResetService.Request request, HttpServletRequest http) {
        return hashing.admitted(() -> failedAttempts.guard(http, () -> resets.reset(request)));
    }

    @PostMapping("/api/me/password")
    public PasswordChangeService.Change change(@AuthenticationPrincipal Jwt token,
                                                @RequestBody PasswordChangeService.Request request) {
        boolean changeRequired = Boolean.TRUE.equals(token.getClaimAsBoolean(SessionTokens.PASSWORD_CHANGE_REQUIRED));
        return hashing.admitted(() -> changes.change(CurrentPerson.of(token), changeRequired, request));
    }
}
