package gov.etax.identity.command.enterprise.financemanager;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/tax-authority/enterprises/{uscc}/finance-manager}: staff enter the finance manager
 * the enterprise reported anew (ACC-4); the previous report's authorization ends, the new person
 * gets a pending one to confirm.
 */
@RestController
public class FinanceManagerController {

    private final FinanceManagerReport report;

    public FinanceManagerController(FinanceManagerReport report) {
        this.report = report;
    }

    @Operation(summary = "A new report of the enterprise's finance manager (ACC-4), entered by tax authority staff",
            description = "The finance manager authorization of the previous report ends, pending or in force "
                    + "(RelationshipRevoked, reason REPLACED_BY_NEW_REPORT; the sessions opened under it end), and "
                    + "the new person gets a pending authorization they must confirm and cannot reject "
                    + "(FinanceManagerReported). 200 with both authorization ids; 404 ENTERPRISE_NOT_FOUND; "
                    + "409 SAME_FINANCE_MANAGER when the report names the finance manager reported now.")
    @PutMapping("/api/tax-authority/enterprises/{uscc}/finance-manager")
    public FinanceManagerReport.Reported report(@PathVariable String uscc,
                                                @RequestBody FinanceManagerReport.Request request,
                                                @AuthenticationPrincipal Jwt staff) {
        return report.report(uscc, request, staff.getSubject());
    }
}
