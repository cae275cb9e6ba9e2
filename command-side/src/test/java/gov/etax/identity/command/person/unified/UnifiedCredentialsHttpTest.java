package gov.etax.identity.command.person.unified;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.EventLog;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.support.SignIns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** National unified credentials (PWD-6) for a person imported from two provinces, over real HTTP, on PostgreSQL. */
class UnifiedCredentialsHttpTest extends CommandSideHttpTest {

    private static final String IMPORTS = "/api/tax-authority/person-imports";
    private static final String JIANGXI_PASSWORD = "Jiangxi#2025";
    private static final String SHANGHAI_PASSWORD = "Shanghai#2025";

    private static HttpJson staff;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        MutableClock clock = MutableClock.tomorrowMorningInChina();
        node = CommandSideNode.start(database, clock);
        http = node.http();
        staff = http.as(staffToken(http, "TAX_STAFF"));
    }

    private static Map<String, Object> row(String document, String province) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentType", "RESIDENT_IDENTITY_CARD");
        row.put("documentNumber", document);
        row.put("name", "小王");
        row.put("phones", List.of());
        row.put("province", province);
        return row;
    }

    private static String initial(String document) {
        return document.substring(document.length() - 6);
    }

    /** Logs in by document, password and face scan. */
    private static HttpJson.Response logIn(String document, String password) {
        Map<String, Object> body = byDocument(document, password);
        body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        return http.post("/api/sessions", body);
    }

    /** Logs in with the initial password and replaces it (PWD-2); the forced session ends. */
    private static void replaceInitial(String document, String newPassword) {
        HttpJson.Response first = logIn(document, initial(document));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("passwordChangeRequired").asBoolean()).isTrue();
        HttpJson.Response change = http.as(first.text("accessToken")).post("/api/me/password",
                Map.of("currentPassword", initial(document), "newPassword", newPassword));
        assertThat(change.status()).as(change.raw()).isEqualTo(200);
    }

    private static HttpJson session(String document, String password) {
        HttpJson.Response login = logIn(document, password);
        assertThat(login.status()).as(login.raw()).isEqualTo(201);
        assertThat(login.body().get("passwordChangeRequired").asBoolean()).isFalse();
        return http.as(login.text("accessToken"));
    }

    @Test
    @DisplayName("PWD-6: imported from a second province, the person chooses which province's credentials are the unified ones")
    void secondProvinceAndChoice() {
        String document = residentIdNumber();
        JsonNode jiangxi = staff.post(IMPORTS, List.of(row(document, "360000"))).body().get("rows").get(0);
        assertThat(jiangxi.get("outcome").asText()).isEqualTo("IMPORTED");
        String personId = jiangxi.get("personId").asText();
        replaceInitial(document, JIANGXI_PASSWORD);

        JsonNode shanghai = staff.post(IMPORTS, List.of(row(document, "310000"))).body().get("rows").get(0);
        assertThat(shanghai.get("outcome").asText()).isEqualTo("PROVINCE_ACCOUNT_ADDED");
        assertThat(shanghai.get("personId").asText()).isEqualTo(personId);

        // Until the person chooses, the first province's credentials log in.
        HttpJson me = session(document, JIANGXI_PASSWORD);
        assertThat(me.get("/api/me/province-accounts").body().get("provinceAccounts").toString()).isEqualTo(
                "[{\"province\":\"360000\",\"unified\":true,\"passwordChangeRequired\":false},"
                        + "{\"province\":\"310000\",\"unified\":false,\"passwordChangeRequired\":true}]");

        HttpJson.Response chosen = me.post("/api/me/unified-credentials", Map.of("province", "310000"));
        assertThat(chosen.status()).as(chosen.raw()).isEqualTo(200);
        assertThat(chosen.text("province")).isEqualTo("310000");
        assertThat(chosen.body().get("passwordChangeRequired").asBoolean()).isTrue();

        // Shanghai's credentials now log in (still its initial password, to be replaced); Jiangxi's no longer.
        assertThat(logIn(document, JIANGXI_PASSWORD).status()).isEqualTo(401);
        replaceInitial(document, SHANGHAI_PASSWORD);
        HttpJson again = session(document, SHANGHAI_PASSWORD);
        assertThat(again.get("/api/me/province-accounts").body().get("provinceAccounts").toString()).isEqualTo(
                "[{\"province\":\"360000\",\"unified\":false,\"passwordChangeRequired\":false},"
                        + "{\"province\":\"310000\",\"unified\":true,\"passwordChangeRequired\":false}]");

        // Back to Jiangxi: its own password, kept while Shanghai's was in use.
        assertThat(again.post("/api/me/unified-credentials", Map.of("province", "360000")).status()).isEqualTo(200);
        session(document, JIANGXI_PASSWORD);
        assertThat(logIn(document, SHANGHAI_PASSWORD).status()).isEqualTo(401);

        List<String> types = EventLog.types(database, personId);
        assertThat(types).containsSubsequence("NaturalPersonMigrated", "ProvinceAccountAdded", "UnifiedCredentialsChosen",
                "PasswordChanged", "UnifiedCredentialsChosen");
        assertThat(EventLog.last(database, personId, "UnifiedCredentialsChosen")).contains("\"province\":{\"value\":\"360000\"}");
        assertThat(EventLog.last(database, personId, "ProvinceAccountAdded")).contains("\"province\":{\"value\":\"310000\"}");
    }

    @Test
    @DisplayName("PWD-6: one import listing the same person for two provinces imports the person once, with both accounts")
    void twoProvincesInOneImport() {
        String document = residentIdNumber();
        JsonNode rows = staff.post(IMPORTS, List.of(row(document, "440000"), row(document, "440300"))).body().get("rows");
        assertThat(rows.get(0).get("outcome").asText()).isEqualTo("IMPORTED");
        assertThat(rows.get(1).get("outcome").asText()).isEqualTo("PROVINCE_ACCOUNT_ADDED");
        assertThat(rows.get(1).get("personId").asText()).isEqualTo(rows.get(0).get("personId").asText());
    }

    @Test
    @DisplayName("PWD-6: credentials of a province the person holds no account of cannot be chosen; a bad code is 400")
    void refusals() {
        String document = residentIdNumber();
        staff.post(IMPORTS, List.of(row(document, "360000")));
        replaceInitial(document, JIANGXI_PASSWORD);
        HttpJson me = session(document, JIANGXI_PASSWORD);

        assertProblem(me.post("/api/me/unified-credentials", Map.of("province", "510000")), 422,
                "PROVINCE_ACCOUNT_NOT_HELD", "PWD-6");
        assertProblem(me.post("/api/me/unified-credentials", Map.of("province", "sichuan")), 400, "INVALID_PROVINCE", "PWD-6");
        assertProblem(http.get("/api/me/province-accounts"), 401, "AUTHENTICATION_REQUIRED", null);
        assertProblem(http.as(staffToken(http, "TAX_STAFF")).get("/api/me/province-accounts"), 403, "ACCESS_DENIED", null);
    }

    @Test
    @DisplayName("PWD-6: a person registered online holds no province accounts and keeps their own credentials")
    void registeredOnline() {
        String document = residentIdNumber();
        String phone = phone();
        assertThat(register(http, document, phone).status()).isEqualTo(201);
        HttpJson me = http.as(SignIns.logIn(http, phone, "Secret#2024"));

        assertThat(me.get("/api/me/province-accounts").body().get("provinceAccounts").isEmpty()).isTrue();
        assertProblem(me.post("/api/me/unified-credentials", Map.of("province", "360000")), 422,
                "PROVINCE_ACCOUNT_NOT_HELD", "PWD-6");
    }

    private static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("rule")).isEqualTo(rule);
    }
}
