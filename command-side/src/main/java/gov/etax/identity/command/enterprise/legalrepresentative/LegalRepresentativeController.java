package gov.etax.identity.command.enterprise.legalrepresentative;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/tax-authority/enterprises/{uscc}/legal-representative}: staff enter the legal
 * representative named by market-regulation data (ACC-1); the old binding ends, the new one starts.
 */
@RestController
public class LegalRepresentativeController {

    private final LegalRepresentativeChange change;

    public LegalRepresentativeController(LegalRepresentativeChange change) {
        this.change = change;
    }

    @PutMapping("/api/tax-authority/enterprises/{uscc}/legal-representative")
    public LegalRepresentativeChange.Changed change(@PathVariable String uscc,
                                                    @RequestBody LegalRepresentativeChange.Request request,
                                                    @AuthenticationPrincipal Jwt staff) {
        return change.change(uscc, request, staff.getSubject());
    }
}
