package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.queries.AuthorizationSummary;
import gov.etax.identity.kernel.authorization.queries.FindEnterpriseStaff;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.security.SessionTokens;
import gov.etax.identity.query.authorization.AuthorizationQueries.AuthorizationPage;
import gov.etax.identity.query.authorization.AuthorizationQueries.FindMyAuthorizationsPage;
import gov.etax.identity.query.authorization.AuthorizationQueries.IsRelationshipInForce;
import gov.etax.identity.query.infrastructure.web.PageRequest;
import gov.etax.identity.query.infrastructure.web.ReadsProjections;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
    @ReadsProjections(AuthorizationProjection.PROCESSING_GROUP)
    public ResponseEntity<List<AuthorizationSummary>> mine(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        if (status != null && !status.equals("PENDING") && !status.equals("ACTIVE")) {
            throw AuthorizationQueryReason.INVALID_STATUS.refusal();
        }
        AuthorizationPage page = queryGateway.query(new FindMyAuthorizationsPage(PersonId.parse(token.getSubject()), status,
                        PageRequest.of(limit == null ? PageRequest.MAX_LIMIT : limit, cursor, 4)),
                ResponseTypes.instanceOf(AuthorizationPage.class)).join();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            answer.header("Next-Cursor", page.nextCursor());
        }
        return answer.body(page.items());
    }

    @GetMapping("/api/enterprises/{uscc}/staff")
    @ReadsProjections(AuthorizationProjection.PROCESSING_GROUP)
    public List<AuthorizationSummary> staff(@PathVariable String uscc, @AuthenticationPrincipal Jwt token) {
        Uscc enterprise = new Uscc(uscc);
        String session = token.getClaimAsString(SessionTokens.ENTERPRISE);
        String role = token.getClaimAsString(SessionTokens.ENTERPRISE_ROLE);
        boolean managesStaff = role != null && RelationshipRole.valueOf(role).managesStaff();
        if (!enterprise.value().equals(session) || !managesStaff) {
            throw AuthorizationQueryReason.STAFF_LIST_FOR_LR_OR_FM.refusal();
        }
        // The token names the role it was issued for; whether the person still holds it is read now.
        boolean inForce = queryGateway.query(new IsRelationshipInForce(PersonId.parse(token.getSubject()), enterprise, role),
                ResponseTypes.instanceOf(Boolean.class)).join();
        if (!inForce) {
            throw AuthorizationQueryReason.RELATIONSHIP_NOT_IN_FORCE.refusal();
        }
        return queryGateway.query(new FindEnterpriseStaff(enterprise),
                ResponseTypes.multipleInstancesOf(AuthorizationSummary.class)).join();
    }
}
