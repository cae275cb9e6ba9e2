package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.logInForEnterprise;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The FAQ's own examples (faq-zh.txt 四.5, 四.7, 四.8, 四.9), played black-box over HTTP: only the
 * public API, the dev face scanner and SMS outbox, and a staff token from the dev identity provider.
 */
class FaqExamplesHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";

    private static String staff;

    record Person(String document, String phone) {
    }

    @BeforeAll
    static void start() {
        startCommandSide(null);
        staff = staffToken(http, "TAX_STAFF");
    }

    @Test
    @DisplayName("四.5 ACC-5, ACC-2, PWD-1: company A's legal representative adds Xiao Wang, who confirms by face and logs in for A as tax officer")
    void legalRepresentativeAddsTaxOfficer() {
        Person xiaoMing = registered();
        Person xiaoWang = registered();
        String companyA = confirmedEnterprise("A公司", xiaoMing);

        String authorizationId = nominate(xiaoMing, companyA, xiaoWang, "TAX_OFFICER");
        String wangSession = faceSession(xiaoWang, null, null);
        HttpJson.Response confirmed = http.as(wangSession).post("/api/authorizations/" + authorizationId + "/confirmation", Map.of());
        assertThat(confirmed.status()).as("ACC-5: no second scan when the session was opened by face: " + confirmed.raw())
                .isEqualTo(200);

        String wangForA = logInForEnterprise(http, xiaoWang.phone(), PASSWORD, companyA, null);
        assertThat(wangForA).isNotBlank();
        assertThat(http.as(wangForA).post("/api/sessions/current/switch", Map.of("to", "ENTERPRISE", "uscc", companyA, "role", "TAX_OFFICER"))
                .text("role")).isEqualTo("TAX_OFFICER");
    }

    @Test
    @DisplayName("四.8 ACC-8: Xiao Ming, legal representative and tax officer of A, switches role without logging out")
    void switchRole() {
        Person xiaoMing = registered();
        String companyA = confirmedEnterprise("A公司", xiaoMing);
        String authorizationId = nominate(xiaoMing, companyA, xiaoMing, "TAX_OFFICER");
        String confirmation = faceToken(http, "RESIDENT_IDENTITY_CARD", xiaoMing.document(), "PASSED");
        String mingSession = smsSession(xiaoMing);
        assertThat(http.as(mingSession).post("/api/authorizations/" + authorizationId + "/confirmation",
                Map.of("faceVerificationToken", confirmation)).status()).isEqualTo(200);

        String asLegalRepresentative = faceSession(xiaoMing, companyA, "LEGAL_REPRESENTATIVE");
        HttpJson.Response asTaxOfficer = http.as(asLegalRepresentative).post("/api/sessions/current/switch",
                Map.of("to", "ENTERPRISE", "uscc", companyA, "role", "TAX_OFFICER"));
        assertThat(asTaxOfficer.status()).as(asTaxOfficer.raw()).isEqualTo(201);
        assertThat(asTaxOfficer.text("enterprise")).isEqualTo(companyA);
        assertThat(asTaxOfficer.text("role")).isEqualTo("TAX_OFFICER");
    }

    @Test
    @DisplayName("四.9 ACC-9, ACC-3: Zhang, legal representative of several companies, switches company without logging out")
    void switchCompany() {
        Person zhang = registered();
        String companyB = confirmedEnterprise("B公司", zhang);
        String companyC = confirmedEnterprise("C公司", zhang);

        String forB = faceSession(zhang, companyB, null);
        HttpJson.Response forC = http.as(forB).post("/api/sessions/current/switch", Map.of("to", "ENTERPRISE", "uscc", companyC));
        assertThat(forC.status()).as(forC.raw()).isEqualTo(201);
        assertThat(forC.text("enterprise")).isEqualTo(companyC);
        assertThat(forC.text("role")).isEqualTo("LEGAL_REPRESENTATIVE");
    }

    @Test
    @DisplayName("四.7 ACC-7, LOGIN-4: a tax officer who left removes the relationship and can no longer log in for that enterprise")
    void taxOfficerWhoLeftRemovesThemself() {
        Person boss = registered();
        Person leaver = registered();
        String company = confirmedEnterprise("D公司", boss);
        String authorizationId = nominate(boss, company, leaver, "TAX_OFFICER");
        String leaverSession = faceSession(leaver, null, null);
        assertThat(http.as(leaverSession).post("/api/authorizations/" + authorizationId + "/confirmation", Map.of()).status())
                .isEqualTo(200);
        assertThat(faceSession(leaver, company, null)).isNotBlank();

        HttpJson.Response removed = http.as(leaverSession).delete("/api/me/enterprises/" + authorizationId + "?reason=LEFT_ENTERPRISE");
        assertThat(removed.status()).as(removed.raw()).isEqualTo(204);

        Map<String, Object> again = byDocument(leaver.document(), PASSWORD);
        again.put("entry", "ENTERPRISE");
        again.put("uscc", company);
        again.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", leaver.document(), "PASSED"));
        assertProblem(http.post("/api/sessions", again), 403, "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4",
                "未查询到您与该企业的关联关系");
    }

    @Test
    @DisplayName("ACC-4: the reported finance manager confirms the pending authorization at the enterprise login page, by face")
    void financeManagerConfirmsAtEnterpriseLogin() {
        Person boss = registered();
        Person financeManager = registered();
        String uscc = uscc();
        HttpJson.Response confirmed = http.as(staff).post("/api/tax-authority/enterprises", Map.of(
                "uscc", uscc, "name", "E公司",
                "legalRepresentative", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                        "documentNumber", boss.document(), "name", "王小明"),
                "financeManager", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                        "documentNumber", financeManager.document(), "name", "王小明")));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);

        Map<String, Object> login = new HashMap<>(byDocument(financeManager.document(), PASSWORD));
        login.put("entry", "ENTERPRISE");
        login.put("uscc", uscc);
        login.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", financeManager.document(), "PASSED"));
        HttpJson.Response asked = http.post("/api/sessions", login);
        assertProblem(asked, 409, "PENDING_AUTHORIZATION_TO_CONFIRM", "ACC-4", null);
        assertThat(asked.text("authorizationId")).isEqualTo(confirmed.text("financeManagerAuthorizationId"));

        login.put("confirmPendingAuthorization", true);
        login.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", financeManager.document(), "PASSED"));
        HttpJson.Response session = http.post("/api/sessions", login);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.text("role")).isEqualTo("FINANCE_MANAGER");
        assertThat(session.text("enterprise")).isEqualTo(uscc);
    }

    private static Person registered() {
        Person person = new Person(residentIdNumber(), phone());
        assertThat(register(http, person.document(), person.phone()).status()).isEqualTo(201);
        return person;
    }

    /** Tax authority staff confirm the enterprise's tax information; its legal representative is bound (ACC-3). */
    private static String confirmedEnterprise(String name, Person legalRepresentative) {
        String uscc = uscc();
        HttpJson.Response confirmed = http.as(staff).post("/api/tax-authority/enterprises", Map.of(
                "uscc", uscc, "name", name,
                "legalRepresentative", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                        "documentNumber", legalRepresentative.document(), "name", "王小明")));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        return uscc;
    }

    /** The legal representative, in an enterprise session, nominates a registered person (ACC-2). */
    private static String nominate(Person legalRepresentative, String uscc, Person nominee, String role) {
        String session = faceSession(legalRepresentative, uscc, "LEGAL_REPRESENTATIVE");
        HttpJson.Response nominated = http.as(session).post("/api/enterprises/" + uscc + "/staff", Map.of(
                "documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", nominee.document(),
                "role", role, "taxOfficerIdentity", "MAIN", "validUntil", LocalDate.now().plusYears(1).toString()));
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        assertThat(nominated.text("status")).isEqualTo("PENDING");
        return nominated.text("authorizationId");
    }

    /** Logs in with password and face scan, at the enterprise entry when {@code uscc} is given. */
    private static String faceSession(Person person, String uscc, String role) {
        Map<String, Object> body = new HashMap<>(byDocument(person.document(), PASSWORD));
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        if (uscc != null) {
            body.put("entry", "ENTERPRISE");
            body.put("uscc", uscc);
        }
        if (role != null) {
            body.put("role", role);
        }
        HttpJson.Response session = http.post("/api/sessions", body);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        return session.text("accessToken");
    }

    private static String smsSession(Person person) {
        return gov.etax.identity.command.support.SignIns.logIn(http, person.phone(), PASSWORD);
    }
}
