package gov.etax.identity.command.authorization.revoke;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ending a relationship in force (ACC-6, ACC-7). The reason is given as {@code ?reason=} or as a
 * JSON body {@code {"reason": ...}}: LEFT_ENTERPRISE, DUTIES_CHANGED, GRANTED_IN_ERROR,
 * AGENCY_CONTRACT_ENDED or OTHER.
 */
@RestController
public class RevocationController {

    private final RelationshipEnding ending;

    public RevocationController(RelationshipEnding ending) {
        this.ending = ending;
    }

    @Schema(name = "RelationshipEndRequest")
    public record EndRequest(String reason) {
    }

    /** ACC-6: the legal representative or finance manager, in an enterprise session of {uscc}. */
    @DeleteMapping({"/api/enterprises/{uscc}/staff/{authorizationId}", "/api/enterprises/{uscc}/tax-agents/{authorizationId}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void byEnterprise(@PathVariable String uscc, @PathVariable String authorizationId,
                             @RequestParam(required = false) String reason,
                             @RequestBody(required = false) EndRequest body, @AuthenticationPrincipal Jwt token) {
        ending.byEnterprise(CurrentPerson.of(token), uscc, authorizationId, reasonOf(reason, body));
    }

    /** ACC-7: the person themself (ROLE_PERSON, any session of theirs). */
    @DeleteMapping("/api/me/enterprises/{authorizationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void byPerson(@PathVariable String authorizationId, @RequestParam(required = false) String reason,
                         @RequestBody(required = false) EndRequest body, @AuthenticationPrincipal Jwt token) {
        ending.byPerson(CurrentPerson.of(token), authorizationId, reasonOf(reason, body));
    }

    /** ACC-6, ACC-7 at a service hall: tax authority staff (ROLE_TAX_STAFF). */
    @DeleteMapping("/api/tax-authority/authorizations/{authorizationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void byTaxAuthority(@PathVariable String authorizationId, @RequestParam(required = false) String reason,
                               @RequestBody(required = false) EndRequest body, @AuthenticationPrincipal Jwt staff) {
        ending.byTaxAuthority(staff.getSubject(), authorizationId, reasonOf(reason, body));
    }

    private static String reasonOf(String parameter, EndRequest body) {
        return parameter != null ? parameter : body == null ? null : body.reason();
    }
}
