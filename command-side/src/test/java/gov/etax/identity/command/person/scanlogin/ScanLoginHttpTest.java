package gov.etax.identity.command.person.scanlogin;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.logInForEnterprise;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.JdbcAuthorizationLookUps;
import gov.etax.identity.command.authorization.Relationships.ActiveRelationship;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scan login (扫码登录, LOGIN-5) over real HTTP: ticket, app approval, one exchange. */
class ScanLoginHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";

    private static MutableClock clock;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().plus(Duration.ofHours(1)));
        startCommandSide(clock);
    }

    private static String newTicket() {
        HttpJson.Response ticket = http.post("/api/login-tickets", Map.of());
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(ticket.text("status")).isEqualTo("WAITING");
        return ticket.text("ticketId");
    }

    @Test
    @DisplayName("LOGIN-5: an app session approves the QR ticket; the web exchanges it once for a scan session")
    void scanLogin() {
        String phone = phone();
        String personId = register(http, residentIdNumber(), phone).text("personId");
        String appSession = logIn(http, phone, PASSWORD);
        String ticket = newTicket();

        assertProblem(http.post("/api/login-tickets/" + ticket + "/session", Map.of()), 409,
                "LOGIN_TICKET_NOT_APPROVED", "LOGIN-5", null);
        assertThat(http.as(appSession).post("/api/dev/login-tickets/" + ticket + "/approval", Map.of("app", "TAX_APP"))
                .status()).isEqualTo(204);
        assertThat(http.get("/api/login-tickets/" + ticket).text("status")).isEqualTo("APPROVED");

        HttpJson.Response session = http.post("/api/login-tickets/" + ticket + "/session", Map.of());
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.text("personId")).isEqualTo(personId);
        assertThat(session.text("entry")).isEqualTo("NATURAL_PERSON");
        assertThat(session.text("verifiedBy")).isEqualTo("FACE");

        assertProblem(http.post("/api/login-tickets/" + ticket + "/session", Map.of()), 409,
                "LOGIN_TICKET_ALREADY_USED", "LOGIN-5", null);
    }

    @Test
    @DisplayName("LOGIN-5: the web session takes the tax app's enterprise business; the IIT app gives natural-person business only")
    void businessTypeFollowsTheApp() {
        String phone = phone();
        String document = residentIdNumber();
        register(http, document, phone);
        String enterprise = uscc();
        node.bean(JdbcAuthorizationLookUps.class).bind(new ActiveRelationship(AuthorizationId.generate(), EnterpriseId.generate(),
                new Uscc(enterprise), RelationshipRole.FINANCE_MANAGER, null, Set.of(), null),
                new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, document));
        String appSession = logInForEnterprise(http, phone, PASSWORD, enterprise, null);

        String byTaxApp = newTicket();
        http.as(appSession).post("/api/dev/login-tickets/" + byTaxApp + "/approval", Map.of("app", "TAX_APP"));
        HttpJson.Response enterpriseSession = http.post("/api/login-tickets/" + byTaxApp + "/session", Map.of());
        assertThat(enterpriseSession.text("entry")).isEqualTo("ENTERPRISE");
        assertThat(enterpriseSession.text("enterprise")).isEqualTo(enterprise);
        assertThat(enterpriseSession.text("role")).isEqualTo("FINANCE_MANAGER");

        String byIitApp = newTicket();
        http.as(appSession).post("/api/dev/login-tickets/" + byIitApp + "/approval", Map.of("app", "IIT_APP"));
        HttpJson.Response naturalPerson = http.post("/api/login-tickets/" + byIitApp + "/session", Map.of());
        assertThat(naturalPerson.text("entry")).isEqualTo("NATURAL_PERSON");
        assertThat(naturalPerson.text("enterprise")).isNull();
    }

    @Test
    @DisplayName("LOGIN-5: a ticket expires after two minutes; an unknown ticket is 404; approval needs a person's session")
    void expiryAndRefusals() {
        String ticket = newTicket();
        clock.advance(Duration.ofMinutes(2));
        assertProblem(http.post("/api/login-tickets/" + ticket + "/session", Map.of()), 422,
                "LOGIN_TICKET_EXPIRED", "LOGIN-5", null);
        assertProblem(http.get("/api/login-tickets/login-ticket-unknown"), 404, "LOGIN_TICKET_NOT_FOUND", "LOGIN-5", null);
        assertProblem(http.post("/api/dev/login-tickets/" + newTicket() + "/approval", Map.of("app", "TAX_APP")), 401,
                "AUTHENTICATION_REQUIRED", null, null);
    }
}
