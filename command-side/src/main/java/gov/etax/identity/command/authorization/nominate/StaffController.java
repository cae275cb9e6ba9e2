package gov.etax.identity.command.authorization.nominate;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/enterprises/{uscc}/staff}: 添加办税人员. The legal representative or finance
 * manager in an enterprise session of that enterprise (ACC-2) nominates a registered person
 * (ACC-1); the nominee receives a pending authorization (ACC-5).
 */
@RestController
public class StaffController {

    private final StaffNomination nomination;

    public StaffController(StaffNomination nomination) {
        this.nomination = nomination;
    }

    @ApiResponse(responseCode = "201", description = "Nominated; pending until the nominee confirms (ACC-4, ACC-5)",
            headers = @Header(name = "Location", description = "The authorization: /api/authorizations/{authorizationId}"))
    @PostMapping("/api/enterprises/{uscc}/staff")
    public ResponseEntity<StaffNomination.Nominated> nominate(@PathVariable String uscc,
                                                              @RequestBody StaffNomination.Nomination request,
                                                              @AuthenticationPrincipal Jwt token) {
        StaffNomination.Nominated nominated = nomination.nominate(CurrentPerson.of(token), uscc, request);
        return ResponseEntity.created(URI.create("/api/authorizations/" + nominated.authorizationId())).body(nominated);
    }
}
