package gov.etax.identity.query.center;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.query.center.CenterQueries.EnterprisePage;
import gov.etax.identity.query.center.CenterQueries.FindMyEnterprises;
import gov.etax.identity.query.center.CenterQueries.FindMyHistory;
import gov.etax.identity.query.center.CenterQueries.HistoryPage;
import gov.etax.identity.query.authorization.AuthorizationProjection;
import gov.etax.identity.query.infrastructure.web.PageRequest;
import gov.etax.identity.query.infrastructure.web.ReadsProjections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account center's own lists: authorized enterprises (已授权企业) and history information (历史管理信息). */
@RestController
public class AccountCenterController {

    private final QueryGateway queryGateway;

    public AccountCenterController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @Operation(summary = "My authorized enterprises (已授权企业)",
            description = "Relationships in force: enterprise, role, scopes, validity and since when. Sorted by USCC, "
                    + "then authorization id.")
    @GetMapping("/api/me/enterprises")
    @ReadsProjections(AuthorizationProjection.PROCESSING_GROUP)
    public EnterprisePage enterprises(@AuthenticationPrincipal Jwt token,
                                      @Parameter(description = "Page size, 1..100, default 20") @RequestParam(required = false) Integer limit,
                                      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        return queryGateway.query(new FindMyEnterprises(PersonId.parse(token.getSubject()), PageRequest.of(limit, cursor, 2)),
                ResponseTypes.instanceOf(EnterprisePage.class)).join();
    }

    @Operation(summary = "My history information (历史管理信息, ACC-10)",
            description = "Relationships that ended, past logins and identity switches, newest first, without the "
                    + "records I cleared (POST /api/me/history/{recordId}/clear on the command side).")
    @GetMapping("/api/me/history")
    @ReadsProjections({HistoryProjection.PROCESSING_GROUP, AuthorizationProjection.PROCESSING_GROUP})
    public HistoryPage history(@AuthenticationPrincipal Jwt token,
                               @Parameter(description = "Page size, 1..100, default 20") @RequestParam(required = false) Integer limit,
                               @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        if (page.after() != null) {
            page.instantAt(0);
        }
        return queryGateway.query(new FindMyHistory(PersonId.parse(token.getSubject()), page),
                ResponseTypes.instanceOf(HistoryPage.class)).join();
    }
}
