package gov.etax.identity.command.enterprise.confirmation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tax-authority/enterprises}: tax authority staff (ROLE_TAX_STAFF) confirm an
 * enterprise's tax information (REG-1); its legal representative is bound at once (ACC-3).
 */
@RestController
public class TaxInformationConfirmationController {

    private final TaxInformationConfirmation confirmation;

    public TaxInformationConfirmationController(TaxInformationConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    @PostMapping("/api/tax-authority/enterprises")
    @ResponseStatus(HttpStatus.CREATED)
    public TaxInformationConfirmation.Confirmed confirm(@RequestBody TaxInformationConfirmation.Request request,
                                                        @AuthenticationPrincipal Jwt staff) {
        return confirmation.confirm(request, staff.getSubject());
    }
}
