package gov.etax.identity.command.authorization.agency;

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
 * {@code POST /api/enterprises/{clientUscc}/tax-agents}: the client or the agency asks for a tax
 * agent relationship; the other side confirms, rejects, and the asking side may withdraw, through
 * {@code /api/authorizations/{id}/...}. Ending: {@code DELETE /api/enterprises/{uscc}/tax-agents/{id}}
 * by either enterprise (see RevocationController), or the agent person, or at a service hall.
 */
@RestController
public class TaxAgencyController {

    private final TaxAgencyRequests requests;

    public TaxAgencyController(TaxAgencyRequests requests) {
        this.requests = requests;
    }

    @ApiResponse(responseCode = "201", description = "Requested; pending until the other side confirms",
            headers = @Header(name = "Location", description = "The authorization: /api/authorizations/{authorizationId}"))
    @PostMapping("/api/enterprises/{uscc}/tax-agents")
    public ResponseEntity<TaxAgencyRequests.Requested> request(@PathVariable String uscc,
                                                               @RequestBody TaxAgencyRequests.Request request,
                                                               @AuthenticationPrincipal Jwt token) {
        TaxAgencyRequests.Requested requested = requests.request(CurrentPerson.of(token), uscc, request);
        return ResponseEntity.created(URI.create("/api/authorizations/" + requested.authorizationId())).body(requested);
    }
}
