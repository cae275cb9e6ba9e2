package gov.etax.identity.command.simulator;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.person.AppScanApprovals;
import gov.etax.identity.kernel.refusal.CommonReason;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stands in for the tax app or the IIT app scanning a QR code: {@code POST /api/dev/login-tickets/{id}/approval}
 * with the app's own session token and {@code {"app": "TAX_APP" | "IIT_APP"}}.
 */
@RestController
@Profile("dev")
public class SimulatedAppScanController implements DevelopmentSimulator {

    private final AppScanApprovals scanLogin;

    public SimulatedAppScanController(AppScanApprovals scanLogin) {
        this.scanLogin = scanLogin;
    }

    /** @param faceVerificationToken the IIT app's own login, instead of a session of this system (PWD-4) */
    @Schema(name = "DevLoginTicketApproval")
    public record Approval(String app, String faceVerificationToken) {
    }

    @PostMapping("/api/dev/login-tickets/{ticketId}/approval")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void approve(@PathVariable String ticketId, @AuthenticationPrincipal Jwt appSession,
                        @RequestBody Approval approval) {
        if (appSession == null && AppScanApprovals.IIT_APP.equals(approval.app()) && approval.faceVerificationToken() != null) {
            scanLogin.approveInIitApp(ticketId, approval.faceVerificationToken());
            return;
        }
        if (appSession == null || appSession.getClaimAsString("sid") == null) {
            throw CommonReason.AUTHENTICATION_REQUIRED.refusal("The app approves with a person's session token.");
        }
        scanLogin.approve(ticketId, CurrentPerson.of(appSession), approval.app());
    }
}
