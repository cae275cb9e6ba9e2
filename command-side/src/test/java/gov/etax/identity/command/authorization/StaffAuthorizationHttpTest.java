package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.authorization.Staffing.PASSWORD;
import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.count;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.eventTypes;
import static gov.etax.identity.command.authorization.Staffing.events;
import static gov.etax.identity.command.authorization.Staffing.logInByFace;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.authorization.Staffing.unregistered;
import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.logInForEnterprise;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Enterprises and the five staff relationships over real HTTP on PostgreSQL: confirmation of tax
 * information (REG-1, ACC-3, ACC-4), adding and confirming staff (ACC-1, ACC-2, ACC-5), ending
 * relationships (ACC-6, ACC-7), the legal representative's change (ACC-1), expiry and tax agents.
 * Enterprise sessions come from the real enterprise login (PWD-1, LOGIN-4).
 */
class StaffAuthorizationHttpTest extends CommandSideHttpTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    private static MutableClock clock;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        clock = MutableClock.tomorrowMorningInChina();
        // Deadlines run when this test says so (see expiry()), not whenever the scheduler happens to poll.
        node = CommandSideNode.start(database, clock, "etax.deadlines.polling-interval=PT24H");
        http = node.http();
    }

    /** Tax authority staff, with a token minted now (the test moves the clock past older ones). */
    private static HttpJson staff() {
        return http.as(staffToken(http, "TAX_STAFF"));
    }

    private static String inAMonth() {
        return LocalDate.ofInstant(clock.instant(), CST).plusMonths(1).toString();
    }

    /** An enterprise whose registered legal representative has an enterprise session. */
    private record Enterprise(String uscc, String enterpriseId, Person legalRepresentative, String lrAuthorizationId,
                              HttpJson asLegalRepresentative) {
    }

    private static Enterprise enterprise() {
        Person lr = registered(http);
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(staff(), uscc, "江西测试科技有限公司", lr, null);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        String token = enterpriseSessionByFace(http, lr, uscc, "LEGAL_REPRESENTATIVE");
        return new Enterprise(uscc, confirmed.text("enterpriseId"), lr, confirmed.text("legalRepresentativeAuthorizationId"),
                http.as(token));
    }

    /** A registered person nominated by the enterprise as tax officer and confirmed in a face session. */
    private static String activeTaxOfficer(Enterprise enterprise, Person person) {
        HttpJson.Response nominated = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), person,
                "TAX_OFFICER", inAMonth());
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        String id = nominated.text("authorizationId");
        HttpJson.Response confirmed = http.as(naturalPersonSessionByFace(http, person))
                .post("/api/authorizations/" + id + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("REG-1, ACC-3: staff confirm an enterprise; its unregistered legal representative registers and logs in as legal representative")
    void legalRepresentativeBoundAtOnce() {
        Person lr = unregistered();
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(staff(), uscc, "江西某某科技有限公司", lr, null);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        assertThat(confirmed.text("enterpriseId")).startsWith("enterprise-");
        String lrAuthorization = confirmed.text("legalRepresentativeAuthorizationId");
        assertThat(eventTypes(database, confirmed.text("enterpriseId"))).containsExactly("EnterpriseTaxInformationConfirmed");
        assertThat(eventTypes(database, lrAuthorization)).containsExactly("LegalRepresentativeBound");

        assertThat(register(http, lr.document(), lr.phone()).status()).isEqualTo(201);
        String token = logInForEnterprise(http, lr.phone(), PASSWORD, uscc, "LEGAL_REPRESENTATIVE");
        assertThat(token).isNotBlank();

        String stored = events(database, lrAuthorization).get(0)[1];
        assertThat(stored).contains("\"ciphertext\"").contains(uscc)
                .doesNotContain(lr.document(), lr.document().substring(0, 17), "张总");
    }

    @Test
    @DisplayName("REG-1: one enterprise per USCC (409); only tax authority staff confirm (403); a bad USCC is a 400")
    void onePerUscc() {
        Person lr = registered(http);
        String uscc = uscc();
        assertThat(confirmEnterprise(staff(), uscc, "一号企业", lr, null).status()).isEqualTo(201);
        assertProblem(confirmEnterprise(staff(), uscc, "一号企业", lr, null), 409, "ENTERPRISE_ALREADY_CONFIRMED", "REG-1",
                "该企业的税务信息已确认");
        assertProblem(confirmEnterprise(http.as(naturalPersonSessionByFace(http, lr)), uscc(), "二号企业", lr, null),
                403, "ACCESS_DENIED", null, null);
        String bad = uscc().substring(0, 17) + "I";
        assertProblem(confirmEnterprise(staff(), bad, "三号企业", lr, null), 400, "INVALID_USCC", "REG-1", null);
    }

    @Test
    @DisplayName("ACC-5: the LR adds a tax officer; the nominee in an SMS session must scan their own face, then the relationship works")
    void addAndConfirmWithFaceScan() {
        Person lr = registered(http);
        String uscc = uscc();
        assertThat(confirmEnterprise(staff(), uscc, "江西添加科技有限公司", lr, null).status()).isEqualTo(201);
        HttpJson asLr = http.as(logInForEnterprise(http, lr.phone(), PASSWORD, uscc, "LEGAL_REPRESENTATIVE"));
        Person nominee = registered(http);

        HttpJson.Response nominated = nominate(asLr, uscc, nominee, "TAX_OFFICER", inAMonth());
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        assertThat(nominated.text("status")).isEqualTo("PENDING");
        assertThat(nominated.body().get("scopes").toString()).contains("TAX_DECLARATION").doesNotContain("INVOICE");
        String id = nominated.text("authorizationId");

        HttpJson asNominee = http.as(logIn(http, nominee.phone(), PASSWORD));
        String confirmation = "/api/authorizations/" + id + "/confirmation";
        assertProblem(asNominee.post(confirmation, Map.of()), 422, "FACE_VERIFICATION_REQUIRED", "ACC-5",
                "确认授权须进行人脸识别认证");
        String othersFace = faceToken(http, "RESIDENT_IDENTITY_CARD", lr.document(), "PASSED");
        assertProblem(asNominee.post(confirmation, Map.of("faceVerificationToken", othersFace)), 422,
                "FACE_VERIFICATION_REQUIRED", "ACC-5", null);
        String failedScan = faceToken(http, "RESIDENT_IDENTITY_CARD", nominee.document(), "FAILED");
        assertProblem(asNominee.post(confirmation, Map.of("faceVerificationToken", failedScan)), 422,
                "FACE_VERIFICATION_FAILED", "ACC-5", null);

        String ownFace = faceToken(http, "RESIDENT_IDENTITY_CARD", nominee.document(), "PASSED");
        HttpJson.Response confirmed = asNominee.post(confirmation, Map.of("faceVerificationToken", ownFace));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("ACTIVE");

        HttpJson.Response asOfficer = logInByFace(http, nominee, "ENTERPRISE", uscc, "TAX_OFFICER");
        assertThat(asOfficer.status()).as(asOfficer.raw()).isEqualTo(201);
        assertThat(asOfficer.text("role")).isEqualTo("TAX_OFFICER");
        assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmed");
        assertThat(events(database, id).get(1)[1]).contains("FACE_SCAN").contains("face-scan-");
        assertThat(events(database, id).get(0)[1]).doesNotContain(nominee.document());
    }

    @Test
    @DisplayName("ACC-1: a person who is not registered cannot be added: 422 \"该办税人员尚未注册\", and nothing is stored")
    void nomineeNotRegistered() {
        Enterprise enterprise = enterprise();
        long before = Staffing.count(database, "SELECT COUNT(*) FROM domainevententry");
        assertProblem(nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), unregistered(), "TAX_OFFICER",
                inAMonth()), 422, "STAFF_NOT_REGISTERED", "ACC-1", "该办税人员尚未注册");
        assertThat(Staffing.count(database, "SELECT COUNT(*) FROM domainevententry")).isEqualTo(before);
    }

    @Test
    @DisplayName("ACC-2: a tax officer, the LR in a natural-person session or in another enterprise's session cannot add staff (403)")
    void onlyLegalRepresentativeOrFinanceManager() {
        Enterprise enterprise = enterprise();
        Person officer = registered(http);
        activeTaxOfficer(enterprise, officer);
        Person nominee = registered(http);

        HttpJson asOfficer = http.as(enterpriseSessionByFace(http, officer, enterprise.uscc(), "TAX_OFFICER"));
        assertProblem(nominate(asOfficer, enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth()), 403,
                "STAFF_MANAGED_BY_LR_OR_FM", "ACC-2", "仅法定代表人、财务负责人有权限添加或删除办税人员");
        HttpJson asPerson = http.as(naturalPersonSessionByFace(http, enterprise.legalRepresentative()));
        assertProblem(nominate(asPerson, enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth()), 403,
                "STAFF_MANAGED_BY_LR_OR_FM", "ACC-2", null);
        Enterprise other = enterprise();
        assertProblem(nominate(other.asLegalRepresentative(), enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth()), 403,
                "STAFF_MANAGED_BY_LR_OR_FM", "ACC-2", null);
        assertProblem(nominate(http, enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth()), 401,
                "AUTHENTICATION_REQUIRED", null, null);
        assertProblem(nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), nominee, "CLEANER", inAMonth()), 400,
                "INVALID_STAFF_ROLE", "ACC-2", null);
    }

    @Test
    @DisplayName("ACC-1: only the nominee confirms; another person's attempt is refused (403) and recorded, the authorization stays pending")
    void onlyTheNomineeConfirms() {
        Enterprise enterprise = enterprise();
        Person nominee = registered(http);
        String id = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), nominee, "INVOICING_OFFICER",
                inAMonth()).text("authorizationId");

        HttpJson.Response byLr = enterprise.asLegalRepresentative().post("/api/authorizations/" + id + "/confirmation", Map.of());
        assertProblem(byLr, 403, "NOT_THE_NOMINEE", "ACC-1", "仅被授权人本人可以确认或拒绝该授权");
        Person stranger = registered(http);
        assertProblem(http.as(naturalPersonSessionByFace(http, stranger)).post("/api/authorizations/" + id + "/rejection",
                Map.of()), 403, "NOT_THE_NOMINEE", "ACC-1", null);
        assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmationRefused",
                "AuthorizationConfirmationRefused");
        assertThat(events(database, id).get(1)[1]).contains(enterprise.legalRepresentative().personId(), "CONFIRMATION");

        HttpJson.Response confirmed = http.as(naturalPersonSessionByFace(http, nominee))
                .post("/api/authorizations/" + id + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertProblem(http.as(naturalPersonSessionByFace(http, nominee)).post("/api/authorizations/"
                        + "authorization-00000000-0000-4000-8000-000000000000/confirmation", Map.of()),
                404, "AUTHORIZATION_NOT_FOUND", null, null);
    }

    @Test
    @DisplayName("ACC-4: the reported finance manager registers later, cannot reject, confirms, and then manages staff (ACC-2)")
    void financeManager() {
        Person lr = registered(http);
        Person fm = unregistered();
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(staff(), uscc, "江西财务科技有限公司", lr, fm);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        String fmAuthorization = confirmed.text("financeManagerAuthorizationId");
        assertThat(eventTypes(database, fmAuthorization)).containsExactly("FinanceManagerReported");
        assertThat(register(http, fm.document(), fm.phone()).status()).isEqualTo(201);

        HttpJson asFm = http.as(naturalPersonSessionByFace(http, fm));
        assertProblem(asFm.post("/api/authorizations/" + fmAuthorization + "/rejection", Map.of()), 422,
                "FINANCE_MANAGER_CANNOT_REJECT", "ACC-4", "财务负责人须确认授权，不能拒绝");
        assertThat(asFm.post("/api/authorizations/" + fmAuthorization + "/confirmation", Map.of()).status()).isEqualTo(200);

        HttpJson asFmForEnterprise = http.as(enterpriseSessionByFace(http, fm, uscc, "FINANCE_MANAGER"));
        assertThat(nominate(asFmForEnterprise, uscc, registered(http), "INVOICING_OFFICER", inAMonth()).status())
                .isEqualTo(201);
    }

    @Test
    @DisplayName("ACC-1: the nominee rejects and can be nominated again; the LR withdraws a request, which can then not be confirmed (409)")
    void rejectAndWithdraw() {
        Enterprise enterprise = enterprise();
        Person nominee = registered(http);
        HttpJson asNominee = http.as(naturalPersonSessionByFace(http, nominee));
        String first = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth())
                .text("authorizationId");
        assertProblem(nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth()),
                409, "ALREADY_AUTHORIZED", "ACC-5", null);
        HttpJson.Response rejected = asNominee.post("/api/authorizations/" + first + "/rejection", Map.of());
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");

        String second = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), nominee, "TAX_OFFICER", inAMonth())
                .text("authorizationId");
        assertProblem(asNominee.post("/api/authorizations/" + second + "/withdrawal", Map.of()), 403,
                "STAFF_MANAGED_BY_LR_OR_FM", "ACC-2", null);
        HttpJson.Response withdrawn = enterprise.asLegalRepresentative().post("/api/authorizations/" + second + "/withdrawal",
                Map.of());
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertProblem(asNominee.post("/api/authorizations/" + second + "/confirmation", Map.of()), 409,
                "AUTHORIZATION_NOT_PENDING", "ACC-5", "该授权已处理，不是待确认状态");
        assertThat(eventTypes(database, first)).containsExactly("StaffNominated", "AuthorizationRejected");
        assertThat(eventTypes(database, second)).containsExactly("StaffNominated", "AuthorizationWithdrawn");
    }

    @Test
    @DisplayName("ACC-6, ACC-7: the LR removes staff, a person leaves by themself, staff remove at a hall; each recorded with side and reason")
    void endingFromEachSide() {
        Enterprise enterprise = enterprise();
        Person byEnterprise = registered(http);
        Person leaver = registered(http);
        Person atHall = registered(http);
        String removed = activeTaxOfficer(enterprise, byEnterprise);
        String left = activeTaxOfficer(enterprise, leaver);
        String ended = activeTaxOfficer(enterprise, atHall);

        assertProblem(enterprise.asLegalRepresentative().delete("/api/enterprises/" + enterprise.uscc() + "/staff/" + removed),
                400, "INVALID_END_REASON", "ACC-6", null);
        assertThat(enterprise.asLegalRepresentative().delete("/api/enterprises/" + enterprise.uscc() + "/staff/" + removed
                + "?reason=LEFT_ENTERPRISE").status()).isEqualTo(204);
        HttpJson asLeaver = http.as(naturalPersonSessionByFace(http, leaver));
        assertProblem(asLeaver.delete("/api/me/enterprises/" + removed + "?reason=LEFT_ENTERPRISE"), 403,
                "NOT_THE_HOLDER", "ACC-7", null);
        assertThat(asLeaver.delete("/api/me/enterprises/" + left + "?reason=LEFT_ENTERPRISE").status()).isEqualTo(204);
        assertThat(staff().delete("/api/tax-authority/authorizations/" + ended + "?reason=DUTIES_CHANGED").status())
                .isEqualTo(204);
        assertProblem(staff().delete("/api/tax-authority/authorizations/" + enterprise.lrAuthorizationId() + "?reason=OTHER"),
                422, "LEGAL_REPRESENTATIVE_NOT_REMOVABLE", "ACC-1", null);
        assertProblem(staff().delete("/api/tax-authority/authorizations/" + ended + "?reason=OTHER"), 409,
                "AUTHORIZATION_NOT_ACTIVE", "ACC-6", null);

        assertThat(lastEvent(removed)).contains("\"side\":\"ENTERPRISE\"", "LEFT_ENTERPRISE",
                enterprise.legalRepresentative().personId(), enterprise.uscc());
        assertThat(lastEvent(left)).contains("\"side\":\"PERSON\"", leaver.personId());
        assertThat(lastEvent(ended)).contains("\"side\":\"TAX_AUTHORITY\"", "staff-tax_staff", "DUTIES_CHANGED");
        for (Person person : List.of(byEnterprise, leaver, atHall)) {
            assertProblem(logInByFace(http, person, "ENTERPRISE", enterprise.uscc(), null), 403,
                    "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", "未查询到您与该企业的关联关系");
        }
    }

    @Test
    @DisplayName("ACC-1: staff enter a new legal representative: the old one's binding ends (in its history), the new one logs in as LR")
    void legalRepresentativeChanges() throws Exception {
        Enterprise enterprise = enterprise();
        Person successor = registered(http);
        Map<String, Object> body = Staffing.personData(successor, "王总");
        body.put("source", "MARKET_REGULATION");
        HttpJson.Response changed = put(staff(), "/api/tax-authority/enterprises/" + enterprise.uscc() + "/legal-representative",
                body);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("previousAuthorizationId")).isEqualTo(enterprise.lrAuthorizationId());
        String newAuthorization = changed.text("authorizationId");

        assertThat(eventTypes(database, enterprise.lrAuthorizationId()))
                .containsExactly("LegalRepresentativeBound", "RelationshipRevoked");
        assertThat(lastEvent(enterprise.lrAuthorizationId())).contains("LEGAL_REPRESENTATIVE_CHANGED", "TAX_AUTHORITY");
        assertThat(eventTypes(database, enterprise.enterpriseId()))
                .containsExactly("EnterpriseTaxInformationConfirmed", "LegalRepresentativeChanged");
        assertThat(eventTypes(database, newAuthorization)).containsExactly("LegalRepresentativeBound");
        assertThat(lastEvent(newAuthorization)).contains("MARKET_REGULATION", successor.personId());

        assertProblem(logInByFace(http, enterprise.legalRepresentative(), "ENTERPRISE", enterprise.uscc(), null), 403,
                "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", null);
        assertThat(logInByFace(http, successor, "ENTERPRISE", enterprise.uscc(), null).text("role"))
                .isEqualTo("LEGAL_REPRESENTATIVE");
        assertProblem(put(staff(), "/api/tax-authority/enterprises/" + enterprise.uscc() + "/legal-representative", body),
                409, "SAME_LEGAL_REPRESENTATIVE", "ACC-1", null);
        body.put("source", "RUMOUR");
        assertProblem(put(staff(), "/api/tax-authority/enterprises/" + enterprise.uscc() + "/legal-representative", body),
                400, "INVALID_LEGAL_REPRESENTATIVE_SOURCE", "ACC-1", null);
    }

    @Test
    @DisplayName("ACC-5: past its end of validity a relationship stops working at once; its deadline then records AuthorizationExpired, once")
    void expiry() {
        Enterprise enterprise = enterprise();
        Person officer = registered(http);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CST);
        String id = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), officer, "TAX_OFFICER", today.toString())
                .text("authorizationId");
        HttpJson.Response confirmed = http.as(naturalPersonSessionByFace(http, officer))
                .post("/api/authorizations/" + id + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        // A quarter of an hour before the end of validity, so the session itself is still young then.
        clock.set(today.plusDays(1).atStartOfDay(CST).minusMinutes(15).toInstant());
        HttpJson.Response session = logInByFace(http, officer, "ENTERPRISE", enterprise.uscc(), null);
        assertThat(session.status()).isEqualTo(201);
        HttpJson asOfficer = http.as(session.text("accessToken"));
        assertThat(asOfficer.get("/api/me/province-accounts").status()).isEqualTo(200);

        clock.set(today.plusDays(1).atStartOfDay(CST).toInstant());
        assertProblem(logInByFace(http, officer, "ENTERPRISE", enterprise.uscc(), null), 403,
                "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", null);
        assertThat(asOfficer.get("/api/me/province-accounts").status())
                .as("the session under the expired relationship stops at once").isEqualTo(401);
        assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmed");

        node.bean(Scheduler.class).triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(30)).until(() -> dueDeadlines() == 0);
        assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmed",
                "AuthorizationExpired");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String[]> officerEvents = events(database, officer.personId());
            assertThat(officerEvents.get(officerEvents.size() - 1)[1]).as("its SessionEnded names the relationship")
                    .contains(session.text("sessionId"), "RELATIONSHIP_ENDED", id);
        });
        clock.advance(Duration.ofHours(10));
    }

    @Test
    @DisplayName("ACC-5, ACC-6: ending a relationship found past its validity answers 409 AUTHORIZATION_EXPIRED and keeps the expiry, its look-up tables updated with it")
    void expiryNoticedOnTheWayIsRecorded() {
        Enterprise enterprise = enterprise();
        Person officer = registered(http);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CST);
        String id = nominate(enterprise.asLegalRepresentative(), enterprise.uscc(), officer, "TAX_OFFICER", today.toString())
                .text("authorizationId");
        assertThat(http.as(naturalPersonSessionByFace(http, officer))
                .post("/api/authorizations/" + id + "/confirmation", Map.of()).status()).isEqualTo(200);
        clock.set(today.plusDays(1).atStartOfDay(CST).toInstant());

        assertProblem(staff().delete("/api/tax-authority/authorizations/" + id + "?reason=DUTIES_CHANGED"), 409,
                "AUTHORIZATION_EXPIRED", "ACC-5", null);
        assertThat(eventTypes(database, id)).containsExactly("StaffNominated", "AuthorizationConfirmed",
                "AuthorizationExpired");
        assertThat(Staffing.count(database, "SELECT COUNT(*) FROM authorization_claim WHERE authorization_id = '"
                + id + "'")).as("the expiry released the claim in the same transaction").isZero();
        clock.advance(Duration.ofHours(10));
    }

    @Test
    @DisplayName("ACC-1, ACC-2: the agency asks for its staff member as tax agent of a client; the client confirms; the agent logs in at the agent entry")
    void taxAgents() {
        Enterprise client = enterprise();
        Enterprise agency = enterprise();
        Person agent = registered(http);
        activeTaxOfficer(agency, agent);

        Map<String, Object> request = Map.of("agencyUscc", agency.uscc(), "agentDocumentType", "RESIDENT_IDENTITY_CARD",
                "agentDocumentNumber", agent.document(), "validUntil", inAMonth());
        HttpJson.Response requested = agency.asLegalRepresentative().post("/api/enterprises/" + client.uscc() + "/tax-agents",
                request);
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        assertThat(requested.text("awaiting")).isEqualTo("CLIENT");
        String id = requested.text("authorizationId");

        assertProblem(agency.asLegalRepresentative().post("/api/authorizations/" + id + "/confirmation", Map.of()), 403,
                "NOT_THE_OTHER_SIDE", "ACC-2", null);
        assertThat(client.asLegalRepresentative().post("/api/authorizations/" + id + "/confirmation", Map.of()).status())
                .isEqualTo(200);
        HttpJson.Response asAgent = logInByFace(http, agent, "AGENT", client.uscc(), "TAX_AGENT");
        assertThat(asAgent.status()).as(asAgent.raw()).isEqualTo(201);
        assertThat(asAgent.text("role")).isEqualTo("TAX_AGENT");

        Person outsider = registered(http);
        Map<String, Object> outsiderRequest = Map.of("agencyUscc", agency.uscc(), "agentDocumentType",
                "RESIDENT_IDENTITY_CARD", "agentDocumentNumber", outsider.document(), "validUntil", inAMonth());
        assertProblem(client.asLegalRepresentative().post("/api/enterprises/" + client.uscc() + "/tax-agents", outsiderRequest),
                422, "AGENT_NOT_AT_AGENCY", "ACC-1", null);

        assertThat(client.asLegalRepresentative().delete("/api/enterprises/" + client.uscc() + "/tax-agents/" + id
                + "?reason=AGENCY_CONTRACT_ENDED").status()).isEqualTo(204);
        assertThat(eventTypes(database, id)).containsExactly("TaxAgencyRequested", "AuthorizationConfirmationRefused",
                "AuthorizationConfirmed", "RelationshipRevoked");
    }

    /** Deadlines whose moment has come by the test's clock and that no node has run yet. */
    private static long dueDeadlines() {
        return count(database, "SELECT count(*) FROM scheduled_tasks WHERE execution_time <= ?",
                Timestamp.from(clock.instant()));
    }

    private static String lastEvent(String aggregateId) {
        List<String[]> events = events(database, aggregateId);
        return events.get(events.size() - 1)[1];
    }

    /** HttpJson has no PUT; the staff endpoint for a new legal representative is one. */
    private static HttpJson.Response put(HttpJson as, String path, Object body) throws IOException, InterruptedException {
        String token = staffToken(http, "TAX_STAFF");
        HttpRequest request = HttpRequest.newBuilder(URI.create(as.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        return new HttpJson.Response(response.statusCode(), contentType,
                contentType.contains("json") ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()) : null,
                response.body(), response.headers());
    }
}
