package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.EventLog;
import gov.etax.identity.command.support.HttpJson;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the bureau's FAQ promises beyond the happy paths, black-box over HTTP on a fresh PostgreSQL:
 * risk matters raise the real-name level (一.4), a person without a password sets one after a scan
 * login through the IIT app (二.3), an empty phone at login (三.8), a new finance manager report (四.4).
 */
class FaqPromisesHttpTest extends CommandSideHttpTest {

    private static final String IMPORTS = "/api/tax-authority/person-imports";
    private static final String NEW_PASSWORD = "Fresh#2025x";

    private static HttpJson staff;

    @BeforeAll
    static void start() {
        startCommandSide(null);
        staff = http.as(staffToken(http, "TAX_STAFF"));
    }

    @Test
    @DisplayName("一.4 REG-5: risk matters (confirming an authorization, forgot password by face, the competent-authority switch) ask a level-3 person for a face scan; the passed scan raises them to level 4")
    void riskMatterRaisesRealNameLevel() {
        String document = residentIdNumber();
        String phone = phone();
        String personId = imported(document, true, phone);
        setFirstPassword(document);
        Person boss = Staffing.registered(http);
        String company = uscc();
        assertThat(Staffing.confirmEnterprise(staff, company, "风险公司", boss, null).status()).isEqualTo(201);
        HttpJson.Response nominated = Staffing.nominate(http.as(Staffing.enterpriseSessionByFace(http, boss, company,
                "LEGAL_REPRESENTATIVE")), company, new Person(personId, document, phone), "TAX_OFFICER",
                LocalDate.now().plusYears(1).toString());
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        String authorizationId = nominated.text("authorizationId");
        HttpJson bySms = http.as(smsSession(phone, NEW_PASSWORD));

        assertProblem(bySms.post("/api/authorizations/" + authorizationId + "/confirmation", Map.of()), 422,
                "FACE_VERIFICATION_REQUIRED", "ACC-5", null);
        assertThat(EventLog.types(database, personId)).doesNotContain("RealNameLevelRaised");

        HttpJson.Response confirmed = bySms.post("/api/authorizations/" + authorizationId + "/confirmation",
                Map.of("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(EventLog.last(database, personId, "RealNameLevelRaised"))
                .contains("\"from\":\"LEVEL_3\"", "\"to\":\"LEVEL_4\"", "\"faceVerificationId\":\"face-scan-");

        // Forgot password by face (PWD-3) is a risk matter too: the scan raises another level-3 person.
        String other = residentIdNumber();
        String otherId = imported(other, true, phone());
        HttpJson.Response reset = http.post("/api/password-resets", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                "documentNumber", other, "newPassword", NEW_PASSWORD,
                "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", other, "PASSED")));
        assertThat(reset.status()).as(reset.raw()).isEqualTo(200);
        assertThat(EventLog.types(database, otherId)).endsWith("PasswordReset", "RealNameLevelRaised");

        // LOGIN-6: the special subject's competent-authority switch asks a level-3 person for a scan.
        String third = residentIdNumber();
        String thirdPhone = phone();
        String thirdId = imported(third, true, thirdPhone);
        setFirstPassword(third);
        String builder = uscc();
        assertThat(Staffing.confirmEnterprise(staff, builder, "建安公司", new Person(thirdId, third, thirdPhone), null)
                .status()).isEqualTo(201);
        String matter = "360100182023111" + String.format("%05d", Math.floorMod(System.nanoTime(), 100_000L));
        assertThat(staff.post("/api/tax-authority/cross-region-matters", Map.of("matterNumber", matter, "uscc", builder,
                "projectName", "赣江大桥项目", "competentAuthority", "13601000000", "handlerName", "钱七",
                "handlerPhone", phone())).status()).isEqualTo(201);
        Map<String, Object> login = byPhone(thirdPhone, NEW_PASSWORD);
        login.put("entry", "SPECIAL_SUBJECT");
        login.put("smsCode", smsCode(http, thirdPhone, "LOGIN"));
        HttpJson.Response specialSubject = http.post("/api/sessions", login);
        assertThat(specialSubject.status()).as(specialSubject.raw()).isEqualTo(201);
        HttpJson asThird = http.as(specialSubject.text("accessToken"));
        String switchPath = "/api/special-subject/matters/" + matter + "/competent-authority";
        assertProblem(asThird.post(switchPath, Map.of("competentAuthority", "13601020000")), 422,
                "RISK_MATTER_FACE_SCAN_REQUIRED", "REG-5", null);
        HttpJson.Response switched = asThird.post(switchPath, Map.of("competentAuthority", "13601020000",
                "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", third, "PASSED")));
        assertThat(switched.status()).as(switched.raw()).isEqualTo(200);
        assertThat(EventLog.types(database, thirdId)).endsWith("RealNameLevelRaised");
        // At level 4 nothing more is asked.
        assertThat(asThird.post(switchPath, Map.of("competentAuthority", "13601000000")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("一.4 REG-5: the personal password change (PWD-4) and adding a phone (LOGIN-2) ask a level-3 person in an SMS session for a face scan; the passed scan raises them to level 4; the PWD-2 first change and a session opened by face ask none")
    void passwordChangeAndPhoneBindingAreRiskMatters() {
        String document = residentIdNumber();
        String phone = phone();
        String personId = imported(document, true, phone);
        // PWD-2: the first change in a session by password + SMS must change the initial password; no scan.
        Map<String, Object> initial = byPhone(phone, document.substring(document.length() - 6));
        initial.put("smsCode", smsCode(http, phone, "LOGIN"));
        HttpJson.Response first = http.post("/api/sessions", initial);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("passwordChangeRequired").asBoolean()).isTrue();
        HttpJson.Response firstChange = http.as(first.text("accessToken")).post("/api/me/password",
                Map.of("currentPassword", document.substring(document.length() - 6), "newPassword", NEW_PASSWORD));
        assertThat(firstChange.status()).as(firstChange.raw()).isEqualTo(200);

        HttpJson bySms = http.as(smsSession(phone, NEW_PASSWORD));
        List<String> before = EventLog.types(database, personId);
        assertProblem(bySms.post("/api/me/password", Map.of("currentPassword", NEW_PASSWORD, "newPassword", "Other#2025y")),
                422, "RISK_MATTER_FACE_SCAN_REQUIRED", "REG-5", null);
        assertThat(EventLog.types(database, personId)).as("a refused change stores nothing").isEqualTo(before);
        assertThat(before).doesNotContain("RealNameLevelRaised");

        HttpJson.Response changed = bySms.post("/api/me/password", Map.of("currentPassword", NEW_PASSWORD,
                "newPassword", "Other#2025y",
                "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(EventLog.last(database, personId, "RealNameLevelRaised"))
                .contains("\"from\":\"LEVEL_3\"", "\"to\":\"LEVEL_4\"", "\"faceVerificationId\":\"face-scan-");
        assertThat(EventLog.types(database, personId)).endsWith("RealNameLevelRaised", "PasswordChanged");
        // At level 4 nothing more is asked.
        assertThat(bySms.post("/api/me/password", Map.of("currentPassword", "Other#2025y", "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(200);

        // LOGIN-2: adding a phone in the account center.
        String other = residentIdNumber();
        String otherPhone = phone();
        String otherId = imported(other, true, otherPhone);
        setFirstPassword(other);
        HttpJson asOther = http.as(smsSession(otherPhone, NEW_PASSWORD));
        String added = phone();
        List<String> beforeBinding = EventLog.types(database, otherId);
        assertProblem(asOther.post("/api/me/phones", Map.of("phone", added,
                "smsCode", smsCode(asOther, added, "PHONE_BINDING"))), 422, "RISK_MATTER_FACE_SCAN_REQUIRED", "REG-5", null);
        assertThat(EventLog.types(database, otherId)).as("a refused binding stores nothing").isEqualTo(beforeBinding);
        HttpJson.Response bound = asOther.post("/api/me/phones", Map.of("phone", added,
                "smsCode", smsCode(asOther, added, "PHONE_BINDING"),
                "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", other, "PASSED")));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);
        assertThat(EventLog.types(database, otherId)).endsWith("RealNameLevelRaised", "PhoneBound");
        String another = phone();
        assertThat(asOther.post("/api/me/phones", Map.of("phone", another,
                "smsCode", smsCode(asOther, another, "PHONE_BINDING"))).status()).as("level 4: not asked").isEqualTo(201);
    }

    @Test
    @DisplayName("二.3 PWD-4, LOGIN-5: a person migrated without a password logs in by the IIT app's scan login, is told to set a password, may do nothing else, then logs in as usual")
    void personWithoutPasswordSetsOneAfterIitScanLogin() {
        String document = residentIdNumber();
        String phone = phone();
        String personId = imported(document, false, phone);
        assertThat(EventLog.last(database, personId, "NaturalPersonMigrated")).contains("\"withoutPassword\":true");
        Map<String, Object> byPassword = byDocument(document, document.substring(document.length() - 6));
        byPassword.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        assertProblem(http.post("/api/sessions", byPassword), 401, "WRONG_CREDENTIALS", "PWD-5", null);

        String ticket = http.post("/api/login-tickets", Map.of()).text("ticketId");
        HttpJson.Response approved = http.post("/api/dev/login-tickets/" + ticket + "/approval", Map.of("app", "IIT_APP",
                "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(204);
        HttpJson.Response session = http.post("/api/login-tickets/" + ticket + "/session", Map.of());
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.body().get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(session.text("entry")).isEqualTo("NATURAL_PERSON");
        JsonNode notice = session.body().get("notice");
        assertThat(notice.get("code").asText()).isEqualTo("PASSWORD_NOT_SET");
        assertThat(notice.get("rule").asText()).isEqualTo("PWD-4");
        assertThat(notice.get("message_zh").asText()).isEqualTo("您尚未设置个人用户密码，请重新设置新密码");

        HttpJson scanned = http.as(session.text("accessToken"));
        assertProblem(scanned.get("/api/me/province-accounts"), 403, "PASSWORD_NOT_SET", "PWD-4",
                "您尚未设置个人用户密码，请重新设置新密码");
        HttpJson.Response set = scanned.post("/api/me/password", Map.of("newPassword", NEW_PASSWORD));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("sessionEnded").asBoolean()).isTrue();
        assertProblem(scanned.get("/api/me/province-accounts"), 401, "AUTHENTICATION_REQUIRED", null, null);

        Map<String, Object> login = byPhone(phone, NEW_PASSWORD);
        login.put("smsCode", smsCode(http, phone, "LOGIN"));
        HttpJson.Response usual = http.post("/api/sessions", login);
        assertThat(usual.status()).as(usual.raw()).isEqualTo(201);
        assertThat(usual.body().get("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(usual.body().has("notice")).isFalse();
        assertThat(EventLog.types(database, personId)).containsSubsequence("PasswordChanged", "SessionEnded",
                "LoginSucceeded");
    }

    @Test
    @DisplayName("三.8 LOGIN-3, PWD-5: a person whose shared phone was cleared is told \"手机号码为空\" and the way out, and no attempt counts; one phone gets a document login's code without naming it")
    void emptyPhoneAtLogin() {
        String cleared = residentIdNumber();
        String sharer = residentIdNumber();
        String shared = phone();
        HttpJson.Response report = staff.post(IMPORTS, List.of(row(cleared, true, shared), row(sharer, true, shared)));
        assertThat(report.body().get("rows").get(0).get("phonesClearedAsShared").asInt()).as(report.raw()).isEqualTo(1);
        String clearedId = report.body().get("rows").get(0).get("personId").asText();

        HttpJson.Response code = http.post("/api/sms-challenges", Map.of("purpose", "LOGIN",
                "documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", cleared));
        assertProblem(code, 422, "PHONE_EMPTY", "LOGIN-3", null);
        assertThat(code.text("message_zh")).startsWith("手机号码为空").contains("扫码验证", "手机号码修改", "找回手机号码");
        assertThat(code.body().get("wayOut").toString())
                .isEqualTo("[\"SCAN_VERIFICATION\",\"ACCOUNT_CENTER_PHONE_CHANGE\",\"PHONE_RECOVERY\"]");

        Map<String, Object> login = byDocument(cleared, cleared.substring(cleared.length() - 6));
        login.put("smsCode", "123456");
        for (int attempt = 0; attempt < 6; attempt++) {
            assertProblem(http.post("/api/sessions", login), 422, "PHONE_EMPTY", "LOGIN-3", null);
        }
        assertThat(EventLog.types(database, clearedId)).doesNotContain("LoginFailed", "AccountLocked");
        Map<String, Object> byFace = byDocument(cleared, cleared.substring(cleared.length() - 6));
        byFace.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", cleared, "PASSED"));
        HttpJson.Response byFaceSession = http.post("/api/sessions", byFace);
        assertThat(byFaceSession.status()).as("the way out: scan verification").isEqualTo(201);
        // PWD-2 first, then REG-5: the session is opened by face, so the level-3 person adds a phone
        // without a second scan; the session carries no scan reference, so the level stays.
        assertThat(http.as(byFaceSession.text("accessToken")).post("/api/me/password", Map.of("currentPassword",
                cleared.substring(cleared.length() - 6), "newPassword", NEW_PASSWORD)).status()).isEqualTo(200);
        Map<String, Object> again = byDocument(cleared, NEW_PASSWORD);
        again.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", cleared, "PASSED"));
        HttpJson.Response faceSession = http.post("/api/sessions", again);
        assertThat(faceSession.status()).as(faceSession.raw()).isEqualTo(201);
        HttpJson asCleared = http.as(faceSession.text("accessToken"));
        String newPhone = phone();
        HttpJson.Response added = asCleared.post("/api/me/phones", Map.of("phone", newPhone,
                "smsCode", smsCode(asCleared, newPhone, "PHONE_BINDING")));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(EventLog.types(database, clearedId)).doesNotContain("RealNameLevelRaised");

        Person onePhone = Staffing.registered(http);
        HttpJson.Response sent = http.post("/api/sms-challenges", Map.of("purpose", "LOGIN",
                "documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", onePhone.document()));
        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        assertThat(sent.text("phoneMasked")).isEqualTo(onePhone.phone().substring(0, 3) + "****"
                + onePhone.phone().substring(7));
        JsonNode outbox = http.get("/api/dev/sms?phone=" + onePhone.phone()).body();
        String text = outbox.get(outbox.size() - 1).get("text").asText();
        Map<String, Object> byDocumentAndSms = byDocument(onePhone.document(), Staffing.PASSWORD);
        byDocumentAndSms.put("smsCode", text.replaceAll("\\D*(\\d{6}).*", "$1"));
        HttpJson.Response session = http.post("/api/sessions", byDocumentAndSms);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
    }

    @Test
    @DisplayName("四.4 ACC-4: a new finance manager report ends the old relationship (REPLACED_BY_NEW_REPORT) and its sessions, and gives the new person a pending, confirm-only authorization")
    void newFinanceManagerReport() {
        Person boss = Staffing.registered(http);
        Person oldManager = Staffing.registered(http);
        Person newManager = Staffing.registered(http);
        String company = uscc();
        HttpJson.Response confirmed = Staffing.confirmEnterprise(staff, company, "换财务公司", boss, oldManager);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        String oldAuthorization = confirmed.text("financeManagerAuthorizationId");
        assertThat(http.as(Staffing.naturalPersonSessionByFace(http, oldManager))
                .post("/api/authorizations/" + oldAuthorization + "/confirmation", Map.of()).status()).isEqualTo(200);
        HttpJson oldSession = http.as(Staffing.enterpriseSessionByFace(http, oldManager, company, "FINANCE_MANAGER"));
        assertThat(oldSession.get("/api/me/province-accounts").status()).isEqualTo(200);

        assertProblem(http.as(Staffing.naturalPersonSessionByFace(http, boss))
                .put("/api/tax-authority/enterprises/" + company + "/finance-manager",
                        Staffing.personData(newManager, "新会计")), 403, "ACCESS_DENIED", null, null);
        HttpJson.Response reported = staff.put("/api/tax-authority/enterprises/" + company + "/finance-manager",
                Staffing.personData(newManager, "新会计"));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(200);
        assertThat(reported.text("previousAuthorizationId")).isEqualTo(oldAuthorization);
        assertThat(reported.text("status")).isEqualTo("PENDING");
        String newAuthorization = reported.text("authorizationId");

        assertThat(EventLog.last(database, oldAuthorization, "RelationshipRevoked")).contains(
                "\"side\":\"TAX_AUTHORITY\"", "\"revokedBy\":\"staff-tax_staff\"", "\"reason\":\"REPLACED_BY_NEW_REPORT\"");
        assertThat(EventLog.last(database, newAuthorization, "FinanceManagerReported"))
                .contains("\"reportedBy\":\"staff-tax_staff\"", "\"holderPersonId\":{\"value\":\"" + newManager.personId());
        assertThat(EventLog.types(database, reported.text("enterpriseId"))).endsWith("FinanceManagerReplaced");
        assertProblem(oldSession.get("/api/me/province-accounts"), 401, "AUTHENTICATION_REQUIRED", null, null);
        HttpJson.Response oldLogin = Staffing.logInByFace(http, oldManager, "ENTERPRISE", company, "FINANCE_MANAGER");
        assertProblem(oldLogin, 403, "NO_RELATIONSHIP_WITH_ENTERPRISE", "LOGIN-4", null);

        HttpJson newSession = http.as(Staffing.naturalPersonSessionByFace(http, newManager));
        assertProblem(newSession.post("/api/authorizations/" + newAuthorization + "/rejection", Map.of()), 422,
                "FINANCE_MANAGER_CANNOT_REJECT", "ACC-4", null);
        assertThat(newSession.post("/api/authorizations/" + newAuthorization + "/confirmation", Map.of()).status())
                .isEqualTo(200);
        assertThat(Staffing.logInByFace(http, newManager, "ENTERPRISE", company, "FINANCE_MANAGER").status())
                .isEqualTo(201);

        assertProblem(staff.put("/api/tax-authority/enterprises/" + company + "/finance-manager",
                Staffing.personData(newManager, "新会计")), 409, "SAME_FINANCE_MANAGER", "ACC-4", null);
        assertProblem(staff.put("/api/tax-authority/enterprises/" + uscc() + "/finance-manager",
                Staffing.personData(oldManager, "旧会计")), 404, "ENTERPRISE_NOT_FOUND", "REG-1", null);
    }

    private static Map<String, Object> row(String document, boolean passwordOnRecord, String... phones) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentType", "RESIDENT_IDENTITY_CARD");
        row.put("documentNumber", document);
        row.put("name", "钱七");
        row.put("phones", List.of(phones));
        row.put("province", "360000");
        row.put("passwordOnRecord", passwordOnRecord);
        return row;
    }

    /** Imports one person (REG-5, level 3); returns the person id. */
    private static String imported(String document, boolean passwordOnRecord, String phone) {
        HttpJson.Response report = staff.post(IMPORTS, List.of(row(document, passwordOnRecord, phone)));
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        JsonNode outcome = report.body().get("rows").get(0);
        assertThat(outcome.get("outcome").asText()).as(report.raw()).isEqualTo("IMPORTED");
        return outcome.get("personId").asText();
    }

    /** PWD-2: the first login with the initial password may only change it. */
    private static void setFirstPassword(String document) {
        Map<String, Object> body = new HashMap<>(byDocument(document, document.substring(document.length() - 6)));
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        HttpJson.Response first = http.post("/api/sessions", body);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        HttpJson.Response changed = http.as(first.text("accessToken")).post("/api/me/password",
                Map.of("currentPassword", document.substring(document.length() - 6), "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    }

    private static String smsSession(String phone, String password) {
        Map<String, Object> login = byPhone(phone, password);
        login.put("smsCode", smsCode(http, phone, "LOGIN"));
        HttpJson.Response session = http.post("/api/sessions", login);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        return session.text("accessToken");
    }
}
