package gov.etax.identity.command.person.migration;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.EventLog;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Importing existing persons (REG-5, PWD-2, LOGIN-3) over real HTTP, on PostgreSQL. */
class PersonImportHttpTest extends CommandSideHttpTest {

    private static final String IMPORTS = "/api/tax-authority/person-imports";
    private static final String NEW_PASSWORD = "Fresh#2025x";

    private static HttpJson staff;

    @BeforeAll
    static void start() {
        startCommandSide(MutableClock.tomorrowMorningInChina());
        staff = http.as(staffToken(http, "TAX_STAFF"));
    }

    static Map<String, Object> row(String document, String province, String... phones) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentType", "RESIDENT_IDENTITY_CARD");
        row.put("documentNumber", document);
        row.put("name", "赵六");
        row.put("phones", List.of(phones));
        row.put("province", province);
        return row;
    }

    static String initialPassword(String document) {
        return document.substring(document.length() - 6);
    }

    static JsonNode outcome(HttpJson.Response report, int row) {
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body().get("rows").get(row - 1);
    }

    private static HttpJson.Response logInByFace(String document, String password) {
        Map<String, Object> body = byDocument(document, password);
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        return http.post("/api/sessions", body);
    }

    @Test
    @DisplayName("REG-5, PWD-2: an imported person is at real-name level 3; the first login (last 6 of the document) must change the password")
    void migratedPersonFirstLogin() {
        String document = residentIdNumber();
        String phone = phone();
        JsonNode imported = outcome(staff.post(IMPORTS, List.of(row(document, "360000", phone))), 1);
        assertThat(imported.get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(imported.get("phonesBound").asInt()).isEqualTo(1);
        assertThat(imported.get("documentMasked").asText()).isEqualTo(document.substring(0, 6) + "********" + document.substring(14));
        String personId = imported.get("personId").asText();

        Map<String, Object> login = byPhone(phone, initialPassword(document));
        login.put("smsCode", smsCode(http, phone, "LOGIN"));
        HttpJson.Response first = http.post("/api/sessions", login);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("passwordChangeRequired").asBoolean()).isTrue();
        HttpJson session = http.as(first.text("accessToken"));

        // PWD-2: nothing but the password change and logout.
        assertProblem(session.get("/api/me/province-accounts"), 403, "PASSWORD_CHANGE_REQUIRED", "PWD-2", "您的密码为初始密码，请先修改密码");
        assertProblem(session.post("/api/me/unified-credentials", Map.of("province", "360000")), 403,
                "PASSWORD_CHANGE_REQUIRED", "PWD-2", null);
        assertProblem(session.delete("/api/sessions/current/anything"), 403, "PASSWORD_CHANGE_REQUIRED", "PWD-2", null);
        // Logging out is allowed too.
        HttpJson other = http.as(logInByFace(document, initialPassword(document)).text("accessToken"));
        assertThat(other.delete("/api/sessions/current").status()).isEqualTo(204);

        HttpJson.Response change = session.post("/api/me/password",
                Map.of("currentPassword", initialPassword(document), "newPassword", NEW_PASSWORD));
        assertThat(change.status()).as(change.raw()).isEqualTo(200);
        assertThat(change.body().get("sessionEnded").asBoolean()).isTrue();
        assertProblem(session.get("/api/me/province-accounts"), 401, "AUTHENTICATION_REQUIRED", null, null);

        HttpJson.Response second = logInByFace(document, NEW_PASSWORD);
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.body().get("passwordChangeRequired").asBoolean()).isFalse();
        HttpJson.Response accounts = http.as(second.text("accessToken")).get("/api/me/province-accounts");
        assertThat(accounts.status()).as(accounts.raw()).isEqualTo(200);
        assertThat(accounts.body().get("provinceAccounts").toString())
                .isEqualTo("[{\"province\":\"360000\",\"unified\":true,\"passwordChangeRequired\":false}]");
        assertProblem(logInByFace(document, initialPassword(document)), 401, "WRONG_CREDENTIALS", "PWD-5", null);

        assertThat(EventLog.types(database, personId)).startsWith("NaturalPersonMigrated", "LoginSucceeded",
                "LoginSucceeded", "SessionEnded", "PasswordChanged", "SessionEnded", "LoginSucceeded");
        String migrated = EventLog.last(database, personId, "NaturalPersonMigrated");
        assertThat(migrated).contains("\"realNameLevel\":\"LEVEL_3\"", "\"province\":{\"value\":\"360000\"}",
                "\"importedBy\":\"staff-tax_staff\"");
        assertThat(migrated).doesNotContain(document, phone, "赵六", initialPassword(document), "argon2");
    }

    @Test
    @DisplayName("LOGIN-3: a phone the import lists for several persons is bound to none; they log in by face scan")
    void sharedPhonesBoundToNobody() {
        String a = residentIdNumber();
        String b = residentIdNumber();
        String shared = phone();
        String own = phone();

        HttpJson.Response report = staff.post(IMPORTS, List.of(row(a, "360000", shared, own), row(b, "360000", shared)));

        JsonNode first = outcome(report, 1);
        JsonNode second = outcome(report, 2);
        assertThat(first.get("phonesBound").asInt()).isEqualTo(1);
        assertThat(first.get("phonesClearedAsShared").asInt()).isEqualTo(1);
        assertThat(second.get("phonesBound").asInt()).isZero();
        assertThat(second.get("phonesClearedAsShared").asInt()).isEqualTo(1);

        Map<String, Object> byShared = byPhone(shared, initialPassword(b));
        byShared.put("smsCode", "123456");
        assertProblem(http.post("/api/sessions", byShared), 401, "LOGIN_PHONE_NOT_BOUND", "LOGIN-2",
                "手机号码不存在，您可以尝试使用证件号码登录");
        assertProblem(http.post("/api/sms-challenges", Map.of("phone", shared, "purpose", "LOGIN")), 422,
                "PHONE_NOT_BOUND", "LOGIN-2", null);

        HttpJson.Response scan = logInByFace(b, initialPassword(b));
        assertThat(scan.status()).as(scan.raw()).isEqualTo(201);
        assertThat(scan.body().get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(logIn(http, own, initialPassword(a))).isNotBlank();
        assertThat(EventLog.last(database, second.get("personId").asText(), "NaturalPersonMigrated"))
                .contains("\"phones\":[]", "\"phonesClearedAsShared\":1");
    }

    @Test
    @DisplayName("LOGIN-2, LOGIN-3: a phone already bound to a registered person stays theirs; the imported person does not get it")
    void phoneOfRegisteredPersonStays() {
        String registeredDocument = residentIdNumber();
        String phone = phone();
        assertThat(register(http, registeredDocument, phone).status()).isEqualTo(201);
        String document = residentIdNumber();

        JsonNode imported = outcome(staff.post(IMPORTS, List.of(row(document, "360000", phone))), 1);

        assertThat(imported.get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(imported.get("phonesBound").asInt()).isZero();
        assertThat(imported.get("phonesBoundToOthers").asInt()).isEqualTo(1);
        Map<String, Object> login = byPhone(phone, "Secret#2024");
        login.put("smsCode", smsCode(http, phone, "LOGIN"));
        HttpJson.Response session = http.post("/api/sessions", login);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.body().get("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(EventLog.last(database, imported.get("personId").asText(), "NaturalPersonMigrated"))
                .contains("\"phonesBoundToOthers\":1");
    }

    @Test
    @DisplayName("REG-5: rows already registered or imported, or invalid, are skipped with their refusal code; the others are imported")
    void skippedRows() {
        String registered = residentIdNumber();
        assertThat(register(http, registered, phone()).status()).isEqualTo(201);
        String imported = residentIdNumber();
        assertThat(outcome(staff.post(IMPORTS, List.of(row(imported, "360000"))), 1).get("outcome").asText())
                .isEqualTo("IMPORTED");
        String fresh = residentIdNumber();
        Map<String, Object> badPhone = row(residentIdNumber(), "360000", "12345");

        HttpJson.Response report = staff.post(IMPORTS, List.of(row(registered, "360000"), row(imported, "360000"),
                row("360102199001011234", "360000"), row(residentIdNumber(), "369900"), badPhone, row(fresh, "360000")));

        assertThat(report.body().get("imported").asInt()).isEqualTo(1);
        assertThat(report.body().get("skipped").asInt()).isEqualTo(5);
        assertSkipped(outcome(report, 1), "DOCUMENT_ALREADY_REGISTERED", "REG-2");
        assertSkipped(outcome(report, 2), "PROVINCE_ACCOUNT_EXISTS", "PWD-6");
        assertSkipped(outcome(report, 3), "INVALID_DOCUMENT_NUMBER", "REG-2");
        assertSkipped(outcome(report, 4), "INVALID_PROVINCE", "PWD-6");
        assertSkipped(outcome(report, 5), "INVALID_PHONE", "LOGIN-2");
        assertThat(outcome(report, 6).get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(outcome(report, 1).get("message_zh").asText()).isEqualTo("该证件已注册");

        // Running the same import again imports nothing twice.
        HttpJson.Response again = staff.post(IMPORTS, List.of(row(fresh, "360000")));
        assertSkipped(outcome(again, 1), "PROVINCE_ACCOUNT_EXISTS", "PWD-6");
    }

    @Test
    @DisplayName("REG-5: an empty import is refused as a whole")
    void emptyImport() {
        assertProblem(staff.post(IMPORTS, List.of()), 400, "IMPORT_EMPTY", "REG-5", null);
        assertProblem(staff.post(IMPORTS, "{\"rows\": 1}"), 400, "MALFORMED_REQUEST", null, null);
    }

    @Test
    @DisplayName("Only tax authority staff import: no token is 401, a person's or an auditor's token 403")
    void staffOnly() {
        List<Map<String, Object>> rows = List.of(row(residentIdNumber(), "360000"));
        assertProblem(http.post(IMPORTS, rows), 401, "AUTHENTICATION_REQUIRED", null, null);

        String document = residentIdNumber();
        String phone = phone();
        assertThat(register(http, document, phone).status()).isEqualTo(201);
        assertProblem(http.as(logIn(http, phone, "Secret#2024")).post(IMPORTS, rows), 403, "ACCESS_DENIED", null, null);
        assertProblem(http.as(staffToken(http, "AUDITOR")).post(IMPORTS, rows), 403, "ACCESS_DENIED", null, null);
    }

    private static void assertSkipped(JsonNode outcome, String code, String rule) {
        assertThat(outcome.get("outcome").asText()).as(outcome.toString()).isEqualTo("SKIPPED");
        assertThat(outcome.get("code").asText()).isEqualTo(code);
        assertThat(outcome.get("rule").asText()).isEqualTo(rule);
        assertThat(outcome.has("personId")).isFalse();
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule, String messageZh) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("rule")).isEqualTo(rule);
        if (messageZh != null) {
            assertThat(response.text("message_zh")).isEqualTo(messageZh);
        }
    }
}
