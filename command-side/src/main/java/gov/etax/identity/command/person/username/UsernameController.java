package gov.etax.identity.command.person.username;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/me/username}: the logged-in person sets or changes their username (LOGIN-7). */
@RestController
public class UsernameController {

    private final UsernameService usernames;

    public UsernameController(UsernameService usernames) {
        this.usernames = usernames;
    }

    @Schema(name = "UsernameChangeRequest")
    public record Request(String username) {
    }

    @PutMapping("/api/me/username")
    public UsernameService.Result change(@AuthenticationPrincipal Jwt token, @RequestBody Request request) {
        return usernames.change(CurrentPerson.of(token).personId(), request.username());
    }
}
