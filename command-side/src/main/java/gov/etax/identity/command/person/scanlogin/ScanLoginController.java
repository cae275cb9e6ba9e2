package gov.etax.identity.command.person.scanlogin;

import gov.etax.identity.command.person.signin.SessionGranted;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The web side of scan login: show a ticket, poll it, exchange it once approved (LOGIN-5). */
@RestController
public class ScanLoginController {

    private final ScanLoginService scanLogin;

    public ScanLoginController(ScanLoginService scanLogin) {
        this.scanLogin = scanLogin;
    }

    @Schema(name = "LoginTicket")
    public record TicketView(String ticketId, String status, Instant expiresAt) {
        static TicketView of(LoginTickets.Ticket ticket) {
            return new TicketView(ticket.ticketId(), ticket.status().name(), ticket.expiresAt());
        }
    }

    @PostMapping("/api/login-tickets")
    @ResponseStatus(HttpStatus.CREATED)
    public TicketView newTicket() {
        return TicketView.of(scanLogin.newTicket());
    }

    @GetMapping("/api/login-tickets/{ticketId}")
    public TicketView ticket(@PathVariable String ticketId) {
        return TicketView.of(scanLogin.ticket(ticketId));
    }

    @PostMapping("/api/login-tickets/{ticketId}/session")
    @ResponseStatus(HttpStatus.CREATED)
    public SessionGranted exchange(@PathVariable String ticketId) {
        return scanLogin.exchange(ticketId);
    }
}
