package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.ratelimit.FailedAttemptsPerAddress;
import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sessions} logs in; {@code .../current/switch} switches role or enterprise; {@code DELETE /api/sessions/current} logs out. */
@RestController
public class SessionController {

    private final SignInService signIn;
    private final FailedAttemptsPerAddress failedAttempts;

    public SessionController(SignInService signIn, FailedAttemptsPerAddress failedAttempts) {
        this.signIn = signIn;
        this.failedAttempts = failedAttempts;
    }

    /** Logs in at the natural-person (default), enterprise or agent entry (LOGIN-1, PWD-1). */
    @PostMapping("/api/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    public SignInService.SessionGranted logIn(@RequestBody SignInService.LoginRequest request, HttpServletRequest http) {
        return failedAttempts.guard(http, () -> signIn.logIn(request));
    }

    public record SwitchRequest(String uscc, String role) {
    }

    /** ACC-8, ACC-9: another role or enterprise without logging in again; answers a new token. */
    @PostMapping("/api/sessions/current/switch")
    @ResponseStatus(HttpStatus.CREATED)
    public SignInService.SessionGranted switchTo(@AuthenticationPrincipal Jwt token, @RequestBody SwitchRequest request) {
        CurrentPerson person = CurrentPerson.of(token);
        return signIn.switchTo(person.personId(), person.sessionId(), request.uscc(), request.role());
    }

    @DeleteMapping("/api/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logOut(@AuthenticationPrincipal Jwt token) {
        CurrentPerson person = CurrentPerson.of(token);
        signIn.logOut(person.personId(), person.sessionId());
    }
}
