package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.kernel.person.LoginEntry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sessions} logs in at the natural-person entry; {@code DELETE /api/sessions/current} logs out. */
@RestController
public class SessionController {

    private final SignInService signIn;

    public SessionController(SignInService signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/api/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    public SignInService.SessionGranted logIn(@RequestBody SignInService.LoginRequest request) {
        return signIn.logIn(request, LoginEntry.NATURAL_PERSON);
    }

    @DeleteMapping("/api/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logOut(@AuthenticationPrincipal Jwt token) {
        CurrentPerson person = CurrentPerson.of(token);
        signIn.logOut(person.personId(), person.sessionId());
    }
}
