package gov.etax.identity.query.account;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.queries.FindPersonAccount;
import gov.etax.identity.kernel.person.queries.PersonAccountView;
import gov.etax.identity.query.infrastructure.web.ReadsProjections;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The account-center view: {@code GET /api/me/account} for the person, by id for staff. */
@RestController
public class PersonAccountController {

    private final QueryGateway queryGateway;

    public PersonAccountController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The logged-in person's own account center. */
    @GetMapping("/api/me/account")
    @ReadsProjections(PersonAccountProjection.PROCESSING_GROUP)
    public PersonAccountView myAccount(@AuthenticationPrincipal Jwt token) {
        return find(PersonId.parse(token.getSubject()));
    }

    /** Any person's account, for tax authority staff and auditors. */
    @GetMapping("/api/persons/{personId}/account")
    @ReadsProjections(PersonAccountProjection.PROCESSING_GROUP)
    public PersonAccountView account(@PathVariable String personId) {
        return find(PersonId.parse(personId));
    }

    private PersonAccountView find(PersonId personId) {
        Optional<PersonAccountView> view = queryGateway.query(new FindPersonAccount(personId),
                ResponseTypes.optionalInstanceOf(PersonAccountView.class)).join();
        return view.orElseThrow(CommonReason.PERSON_NOT_FOUND::refusal);
    }
}
