package gov.etax.identity.command.person.signin;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.logInForEnterprise;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.JdbcAuthorizationLookUps;
import gov.etax.identity.command.authorization.Relationships.ActiveRelationship;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The enterprise and agent entries and switching, over real HTTP. Relationships are put in force
 * directly here; the Enterprise and Authorization aggregates that normally do it have tests of their own.
 */
class EnterpriseSignInHttpTest extends CommandSideHttpTest {

    private static final String PASSWORD = "Secret#2024";


    @BeforeAll
    static void start() {
        startCommandSide(null);
    }

    record Person(String document, String phone) {
    }

    private static Person registered() {
        Person person = new Person(residentIdNumber(), phone());
        assertThat(register(http, person.document(), person.phone()).status()).isEqualTo(201);
        return person;
    }

    private static void relate(Person person, String uscc, RelationshipRole role, Instant validUntil) {
        node.bean(JdbcAuthorizationLookUps.class).bind(new ActiveRelationship(AuthorizationId.generate(), EnterpriseId.generate(),
                new Uscc(uscc), role, role == RelationshipRole.TAX_OFFICER ? "MAIN" : null, Set.of(), validUntil),
                new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, person.document()));
    }

    @Test
    @DisplayName("LOGIN-4: a person without a relationship is told \"未查询到您与该企业的关联关系\", and the attempt is recorded")
    void noRelationship() {
        Person person = registered();
        Map<String, Object> body = byPhone(person.phone(), PASSWORD);
        body.put("entry", "ENTERPRISE");
        body.put("uscc", uscc());
        body.put("smsCode", "000000");
        assertProblem(http.post("/api/sessions", body), 403, "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4",
                "未查询到您与该企业的关联关系");

        body.remove("uscc");
        assertProblem(http.post("/api/sessions", body), 400, "USCC_REQUIRED", "PWD-1", null);
    }

    @Test
    @DisplayName("PWD-1: the enterprise entry takes USCC + the person's account, password and SMS code; the session acts for it")
    void enterpriseLogin() {
        Person person = registered();
        String enterprise = uscc();
        relate(person, enterprise, RelationshipRole.TAX_OFFICER, null);

        Map<String, Object> body = byPhone(person.phone(), PASSWORD);
        body.put("entry", "ENTERPRISE");
        body.put("uscc", enterprise);
        body.put("smsCode", smsCode(http, person.phone(), "LOGIN"));
        HttpJson.Response session = http.post("/api/sessions", body);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.text("entry")).isEqualTo("ENTERPRISE");
        assertThat(session.text("enterprise")).isEqualTo(enterprise);
        assertThat(session.text("role")).isEqualTo("TAX_OFFICER");
    }

    @Test
    @DisplayName("ACC-8: with several roles the person picks one; without a choice the answer lists them and spends no SMS code")
    void severalRoles() {
        Person person = registered();
        String enterprise = uscc();
        relate(person, enterprise, RelationshipRole.LEGAL_REPRESENTATIVE, null);
        relate(person, enterprise, RelationshipRole.TAX_OFFICER, null);

        Map<String, Object> body = byPhone(person.phone(), PASSWORD);
        body.put("entry", "ENTERPRISE");
        body.put("uscc", enterprise);
        body.put("smsCode", smsCode(http, person.phone(), "LOGIN"));
        HttpJson.Response choose = http.post("/api/sessions", body);
        assertProblem(choose, 409, "ROLE_CHOICE_REQUIRED", "ACC-8", null);
        assertThat(choose.body().get("roles").toString()).contains("LEGAL_REPRESENTATIVE", "TAX_OFFICER");

        body.put("role", "LEGAL_REPRESENTATIVE");
        HttpJson.Response session = http.post("/api/sessions", body);
        assertThat(session.status()).as("the same SMS code still works").isEqualTo(201);
        assertThat(session.text("role")).isEqualTo("LEGAL_REPRESENTATIVE");
    }

    @Test
    @DisplayName("ACC-8, ACC-9: switch role and enterprise without logging in again; the old token stops working")
    void switching() {
        Person person = registered();
        String companyA = uscc();
        String companyB = uscc();
        relate(person, companyA, RelationshipRole.LEGAL_REPRESENTATIVE, null);
        relate(person, companyA, RelationshipRole.TAX_OFFICER, null);
        relate(person, companyB, RelationshipRole.LEGAL_REPRESENTATIVE, null);
        String asLegalRepresentative = logInForEnterprise(http, person.phone(), PASSWORD, companyA, "LEGAL_REPRESENTATIVE");

        HttpJson.Response asTaxOfficer = http.as(asLegalRepresentative).post("/api/sessions/current/switch",
                Map.of("to", "ENTERPRISE", "uscc", companyA, "role", "TAX_OFFICER"));
        assertThat(asTaxOfficer.status()).as(asTaxOfficer.raw()).isEqualTo(201);
        assertThat(asTaxOfficer.text("role")).isEqualTo("TAX_OFFICER");
        assertThat(http.as(asLegalRepresentative).post("/api/sessions/current/switch",
                Map.of("to", "ENTERPRISE", "uscc", companyB)).status()).as("the session switched away from is over").isEqualTo(401);

        HttpJson.Response forCompanyB = http.as(asTaxOfficer.text("accessToken")).post("/api/sessions/current/switch",
                Map.of("to", "ENTERPRISE", "uscc", companyB));
        assertThat(forCompanyB.status()).isEqualTo(201);
        assertThat(forCompanyB.text("enterprise")).isEqualTo(companyB);
        assertThat(forCompanyB.text("role")).isEqualTo("LEGAL_REPRESENTATIVE");

        assertProblem(http.as(forCompanyB.text("accessToken")).post("/api/sessions/current/switch",
                Map.of("to", "ENTERPRISE", "uscc", uscc())), 403, "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", null);
    }

    @Test
    @DisplayName("A relationship past its end of validity no longer opens an enterprise session (LOGIN-4)")
    void expiredRelationship() {
        Person person = registered();
        String enterprise = uscc();
        relate(person, enterprise, RelationshipRole.INVOICING_OFFICER, Instant.now().minus(1, ChronoUnit.DAYS));
        String token = logIn(http, person.phone(), PASSWORD);
        assertProblem(http.as(token).post("/api/sessions/current/switch", Map.of("to", "ENTERPRISE", "uscc", enterprise)), 403,
                "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", null);
    }

    @Test
    @DisplayName("The agent entry is for tax agent personnel only")
    void agentEntry() {
        Person person = registered();
        String client = uscc();
        relate(person, client, RelationshipRole.TAX_AGENT, null);
        String token = logInForEnterprise(http, person.phone(), PASSWORD, client, "TAX_AGENT");
        assertThat(token).isNotBlank();

        Map<String, Object> atEnterpriseEntry = byPhone(person.phone(), PASSWORD);
        atEnterpriseEntry.put("entry", "ENTERPRISE");
        atEnterpriseEntry.put("uscc", client);
        atEnterpriseEntry.put("smsCode", "000000");
        assertProblem(http.post("/api/sessions", atEnterpriseEntry), 403, "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", null);
    }
}
