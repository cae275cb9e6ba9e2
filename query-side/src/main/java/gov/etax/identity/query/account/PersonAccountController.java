package gov.etax.identity.query.account;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.queries.FindPersonAccount;
import gov.etax.identity.kernel.person.queries.PersonAccountView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/persons/{personId}/account}: the account-center view (moves behind login with sign-in). */
@RestController
public class PersonAccountController {

    private final QueryGateway queryGateway;

    public PersonAccountController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/persons/{personId}/account")
    public PersonAccountView account(@PathVariable String personId) {
        Optional<PersonAccountView> view = queryGateway.query(new FindPersonAccount(PersonId.parse(personId)),
                ResponseTypes.optionalInstanceOf(PersonAccountView.class)).join();
        return view.orElseThrow(CommonReason.PERSON_NOT_FOUND::refusal);
    }
}
