package gov.etax.identity.command.person.scanlogin;

import gov.etax.identity.command.infrastructure.security.CurrentPerson;
import gov.etax.identity.command.infrastructure.security.PasswordGateReason;
import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.infrastructure.security.SessionTokenIssuer;
import gov.etax.identity.command.person.AppScanApprovals;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.EnterpriseRoles;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.signin.SessionStore;
import gov.etax.identity.command.person.signin.SignInReason;
import gov.etax.identity.command.person.signin.SessionGranted;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Scan login (扫码登录, LOGIN-5): the web shows a ticket as a QR code, the app approves it from a
 * session of its own, and the web exchanges the approved ticket once for a session.
 */
@Service
public class ScanLoginService implements AppScanApprovals {

    static final Duration TICKET_LIFETIME = Duration.ofMinutes(2);

    private final LoginTickets tickets;
    private final CommandGateway commandGateway;
    private final SessionStore sessions;
    private final SessionTokenIssuer tokenIssuer;
    private final EnterpriseRoles roles;
    private final Clock clock;
    private final CredentialStore credentials;
    private final FaceVerification faceVerification;
    private final PersonDirectory directory;

    public ScanLoginService(LoginTickets tickets, CommandGateway commandGateway, SessionStore sessions,
                            SessionTokenIssuer tokenIssuer, EnterpriseRoles roles, Clock clock,
                            CredentialStore credentials, FaceVerification faceVerification, PersonDirectory directory) {
        this.credentials = credentials;
        this.faceVerification = faceVerification;
        this.directory = directory;
        this.tickets = tickets;
        this.commandGateway = commandGateway;
        this.sessions = sessions;
        this.tokenIssuer = tokenIssuer;
        this.roles = roles;
        this.clock = clock;
    }

    public LoginTickets.Ticket newTicket() {
        // Microseconds, as the database keeps them (it rounds), so expiry is exact to the edge.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LoginTickets.Ticket ticket = new LoginTickets.Ticket("login-ticket-" + UUID.randomUUID(),
                LoginTickets.Status.WAITING, now, now.plus(TICKET_LIFETIME), null);
        tickets.create(ticket);
        return ticket;
    }

    public LoginTickets.Ticket ticket(String ticketId) {
        return tickets.find(ticketId).orElseThrow(ScanLoginReason.LOGIN_TICKET_NOT_FOUND::refusal);
    }

    /** The app side: a person's app session approves the ticket it scanned. */
    @Override
    public void approve(String ticketId, CurrentPerson appSession, String app) {
        LoginTickets.Ticket ticket = usable(ticketId);
        LoginEntry entry = AppBusinessType.entry(app, appSession.entry());
        ActingFor actingFor = AppBusinessType.actingFor(entry,
                appSession.enterprise() == null ? null : new ActingFor(appSession.enterprise(), appSession.enterpriseRole()));
        if (ticket.status() != LoginTickets.Status.WAITING
                || !tickets.approve(ticketId, new LoginTickets.Approval(appSession.personId(), app, entry, actingFor))) {
            throw ScanLoginReason.LOGIN_TICKET_ALREADY_USED.refusal();
        }
    }

    /**
     * The IIT app approves from its own login, which ends in a face scan (LOGIN-5), not from a
     * session of this system: so a person without a password here (PWD-4) can approve too.
     */
    @Override
    public void approveInIitApp(String ticketId, String faceVerificationToken) {
        LoginTickets.Ticket ticket = usable(ticketId);
        if (faceVerificationToken == null || faceVerificationToken.isBlank()) {
            throw ScanLoginReason.APP_LOGIN_REQUIRED.refusal();
        }
        FaceVerification.FaceScanResult scan = faceVerification.redeem(faceVerificationToken);
        if (scan.outcome() != FaceVerification.Outcome.PASSED || scan.document() == null) {
            throw ScanLoginReason.APP_LOGIN_REQUIRED.refusal();
        }
        PersonId person = directory.withDocument(scan.document()).orElseThrow(SignInReason.ACCOUNT_NOT_REGISTERED::refusal);
        if (ticket.status() != LoginTickets.Status.WAITING || !tickets.approve(ticketId,
                new LoginTickets.Approval(person, AppBusinessType.IIT_APP, LoginEntry.NATURAL_PERSON, null))) {
            throw ScanLoginReason.LOGIN_TICKET_ALREADY_USED.refusal();
        }
    }

    /**
     * The web side: an approved ticket becomes a session, once. A person without a password
     * (PWD-4) gets a session that may only set one, and is told so.
     */
    public SessionGranted exchange(String ticketId) {
        LoginTickets.Ticket ticket = usable(ticketId);
        if (ticket.status() == LoginTickets.Status.WAITING) {
            throw ScanLoginReason.LOGIN_TICKET_NOT_APPROVED.refusal();
        }
        if (!tickets.use(ticketId, clock.instant())) {
            throw ScanLoginReason.LOGIN_TICKET_ALREADY_USED.refusal();
        }
        LoginTickets.Approval approval = ticket.approval();
        requireRelationshipInForce(approval);
        SessionId sessionId = SessionId.generate();
        boolean passwordNotSet = credentials.find(approval.personId()).isEmpty();
        // A locked account (PWD-5) is refused by the person, recorded.
        commandGateway.sendAndWait(new RecordLoginAttempt(approval.personId(), approval.entry(),
                AuthenticationMethod.SCAN, null, sessionId, passwordNotSet, approval.actingFor()));
        PersonSession session = sessions.find(sessionId).orElseThrow();
        SessionGranted granted = SessionGranted.of(session, tokenIssuer.issue(session));
        return passwordNotSet ? granted.with(PasswordGateReason.PASSWORD_NOT_SET) : granted;
    }

    /**
     * LOGIN-4, LOGIN-5: a ticket approved from an enterprise or agent session gives a session in that
     * role only while the person still holds it: checked now, when the session is issued.
     */
    private void requireRelationshipInForce(LoginTickets.Approval approval) {
        ActingFor actingFor = approval.actingFor();
        if (actingFor != null && !roles.holds(approval.personId(), actingFor, clock.instant())) {
            throw SignInReason.NO_RELATIONSHIP_WITH_ENTERPRISE.refusal();
        }
    }

    private LoginTickets.Ticket usable(String ticketId) {
        LoginTickets.Ticket ticket = ticket(ticketId);
        if (ticket.status() == LoginTickets.Status.USED) {
            throw ScanLoginReason.LOGIN_TICKET_ALREADY_USED.refusal();
        }
        if (ticket.isExpiredAt(clock.instant())) {
            throw ScanLoginReason.LOGIN_TICKET_EXPIRED.refusal();
        }
        return ticket;
    }
}
