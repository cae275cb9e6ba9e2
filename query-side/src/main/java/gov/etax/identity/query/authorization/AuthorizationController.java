package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.queries.AuthorizationSummary;
import gov.etax.identity.kernel.authorization.queries.FindEnterpriseStaff;
import gov.etax.identity.kernel.authorization.queries.FindMyAuthorizations;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.security.SessionTokens;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/authorizations}: the person's pending authorizations (待确认授权) and authorized
 * enterprises (已授权企业). {@code GET /api/enterprises/{uscc}/staff}: the enterprise's existing tax
 * staff (现有办税人员), for its legal representative or finance manager in an enterprise session.
 */
@RestController
public class AuthorizationController {

    private final QueryGateway queryGateway;

    public AuthorizationController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * Optionally of one status ({@code ?status=PENDING}: 待确认授权), a page at a time ({@code ?limit=&cursor=}):
     * the body stays the list it always was, and the cursor of the next page is in the {@code Next-Cursor}
     * header (absent on the last page). Pending first, then by USCC, role and authorization id.
     */
    @GetMapping("/api/me/authorizations")
    public org.springframework.http.ResponseEntity<List<AuthorizationSummary>> mine(@AuthenticationPrincipal Jwt token,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String status,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer limit,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String cursor) {
        if (status != null && !status.equals("PENDING") && !status.equals("ACTIVE")) {
            throw gov.etax.identity.query.center.CenterReason.INVALID_STATUS.refusal();
        }
        gov.etax.identity.query.center.CenterQueries.AuthorizationPage page = queryGateway.query(
                new gov.etax.identity.query.center.CenterQueries.FindMyAuthorizationsPage(
                        PersonId.parse(token.getSubject()), status,
                        gov.etax.identity.query.center.PageRequest.of(
                                limit == null ? gov.etax.identity.query.center.PageRequest.MAX_LIMIT : limit, cursor, 4)),
                ResponseTypes.instanceOf(gov.etax.identity.query.center.CenterQueries.AuthorizationPage.class)).join();
        org.springframework.http.ResponseEntity.BodyBuilder answer = org.springframework.http.ResponseEntity.ok();
        if (page.nextCursor() != null) {
            answer.header("Next-Cursor", page.nextCursor());
        }
        return answer.body(page.items());
    }

    @GetMapping("/api/enterprises/{uscc}/staff")
    public List<AuthorizationSummary> staff(@PathVariable String uscc, @AuthenticationPrincipal Jwt token) {
        Uscc enterprise = new Uscc(uscc);
        String session = token.getClaimAsString(SessionTokens.ENTERPRISE);
        String role = token.getClaimAsString(SessionTokens.ENTERPRISE_ROLE);
        boolean managesStaff = role != null && RelationshipRole.valueOf(role).managesStaff();
        if (!enterprise.value().equals(session) || !managesStaff) {
            throw AuthorizationQueryReason.STAFF_LIST_FOR_LR_OR_FM.refusal();
        }
        // The token names the role it was issued for; whether the person still holds it is read now.
        boolean inForce = queryGateway.query(new FindMyAuthorizations(PersonId.parse(token.getSubject())),
                        ResponseTypes.multipleInstancesOf(AuthorizationSummary.class)).join().stream()
                .anyMatch(a -> "ACTIVE".equals(a.status()) && enterprise.value().equals(a.uscc()) && role.equals(a.role()));
        if (!inForce) {
            throw AuthorizationQueryReason.RELATIONSHIP_NOT_IN_FORCE.refusal();
        }
        return queryGateway.query(new FindEnterpriseStaff(enterprise),
                ResponseTypes.multipleInstancesOf(AuthorizationSummary.class)).join();
    }
}
