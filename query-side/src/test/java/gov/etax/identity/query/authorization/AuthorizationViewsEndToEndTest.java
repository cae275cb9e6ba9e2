package gov.etax.identity.query.authorization;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.authorization.Staffing.unregistered;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.support.QuerySideNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The authorization read models end to end: a command side and a query side on one PostgreSQL,
 * real HTTP, real enterprise sessions.
 */
class AuthorizationViewsEndToEndTest {

    private static final Duration PROJECTION_LAG = Duration.ofSeconds(30);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static HttpJson command;
    private static HttpJson query;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http());
        command = commandNode.http();
        query = queryNode.http();
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("ACC-3, ACC-4: a legal representative and finance manager named before registering see their authorizations once registered")
    void holdersNamedBeforeRegistering() {
        Person lr = unregistered();
        Person fm = unregistered();
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(command.as(staffToken(command, "TAX_STAFF")), uscc, "江西视图科技有限公司",
                lr, fm);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        assertThat(register(command, lr.document(), lr.phone()).status()).isEqualTo(201);
        assertThat(register(command, fm.document(), fm.phone()).status()).isEqualTo(201);

        JsonNode lrView = awaitOne(query.as(naturalPersonSessionByFace(command, lr)), "/api/me/authorizations",
                a -> uscc.equals(a.get("uscc").asText()));
        assertThat(lrView.get("role").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(lrView.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(lrView.get("enterpriseName").asText()).isEqualTo("江西视图科技有限公司");
        assertThat(lrView.get("holderName").asText()).isEqualTo("王小明");

        JsonNode fmView = awaitOne(query.as(naturalPersonSessionByFace(command, fm)), "/api/me/authorizations",
                a -> uscc.equals(a.get("uscc").asText()));
        assertThat(fmView.get("role").asText()).isEqualTo("FINANCE_MANAGER");
        assertThat(fmView.get("status").asText()).isEqualTo("PENDING");
        assertThat(fmView.get("awaiting").asText()).isEqualTo("HOLDER");
        assertThat(fmView.get("authorizationId").asText()).isEqualTo(confirmed.text("financeManagerAuthorizationId"));
    }

    @Test
    @DisplayName("ACC-5, ACC-6: a nominee sees the pending authorization, confirms; the LR's staff list shows them masked; removal hides them")
    void nomineeAndStaffList() {
        Person lr = registered(command);
        String uscc = uscc();
        assertThat(confirmEnterprise(command.as(staffToken(command, "TAX_STAFF")), uscc, "江西员工科技有限公司", lr, null)
                .status()).isEqualTo(201);
        HttpJson lrOnCommand = command.as(enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE"));
        String lrEnterpriseToken = enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE");
        Person nominee = registered(command);
        String validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString();
        String id = nominate(lrOnCommand, uscc, nominee, "TAX_OFFICER", validUntil).text("authorizationId");

        String nomineeToken = naturalPersonSessionByFace(command, nominee);
        JsonNode pending = awaitOne(query.as(nomineeToken), "/api/me/authorizations",
                a -> id.equals(a.get("authorizationId").asText()));
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("enterpriseName").asText()).isEqualTo("江西员工科技有限公司");
        assertThat(pending.get("taxOfficerIdentity").asText()).isEqualTo("MAIN");
        assertThat(pending.get("validUntil").asText()).isEqualTo(validUntil);
        assertThat(pending.get("scopes").toString()).contains("TAX_DECLARATION").doesNotContain("INVOICE");

        assertThat(command.as(nomineeToken).post("/api/authorizations/" + id + "/confirmation", Map.of()).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(
                find(query.as(nomineeToken), "/api/me/authorizations", a -> id.equals(a.get("authorizationId").asText()))
                        .get(0).get("status").asText()).isEqualTo("ACTIVE"));

        HttpJson.Response staff = query.as(lrEnterpriseToken).get("/api/enterprises/" + uscc + "/staff");
        assertThat(staff.status()).as(staff.raw()).isEqualTo(200);
        JsonNode officer = find(query.as(lrEnterpriseToken), "/api/enterprises/" + uscc + "/staff",
                a -> id.equals(a.get("authorizationId").asText())).get(0);
        assertThat(officer.get("role").asText()).isEqualTo("TAX_OFFICER");
        assertThat(officer.get("holderName").asText()).isEqualTo("王小明");
        assertThat(officer.get("holderDocumentNumberMasked").asText())
                .isEqualTo(nominee.document().substring(0, 6) + "********" + nominee.document().substring(14));
        assertThat(staff.raw()).doesNotContain(nominee.document(), lr.document());
        assertThat(find(query.as(lrEnterpriseToken), "/api/enterprises/" + uscc + "/staff",
                a -> "LEGAL_REPRESENTATIVE".equals(a.get("role").asText()))).hasSize(1);

        String officerSession = enterpriseSessionByFace(command, nominee, uscc, "TAX_OFFICER");
        HttpJson.Response refused = query.as(officerSession).get("/api/enterprises/" + uscc + "/staff");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("STAFF_LIST_FOR_LR_OR_FM");
        assertThat(refused.text("rule")).isEqualTo("ACC-2");
        assertThat(query.as(naturalPersonSessionByFace(command, lr)).get("/api/enterprises/" + uscc + "/staff").status())
                .isEqualTo(403);

        assertThat(lrOnCommand.delete("/api/enterprises/" + uscc + "/staff/" + id + "?reason=LEFT_ENTERPRISE").status())
                .isEqualTo(204);
        await().atMost(PROJECTION_LAG).untilAsserted(() -> {
            assertThat(find(query.as(nomineeToken), "/api/me/authorizations",
                    a -> id.equals(a.get("authorizationId").asText()))).isEmpty();
            assertThat(find(query.as(lrEnterpriseToken), "/api/enterprises/" + uscc + "/staff",
                    a -> id.equals(a.get("authorizationId").asText()))).isEmpty();
        });
    }

    private static JsonNode awaitOne(HttpJson as, String path, Predicate<JsonNode> which) {
        return await().atMost(PROJECTION_LAG).until(() -> find(as, path, which), list -> list.size() == 1).get(0);
    }

    private static List<JsonNode> find(HttpJson as, String path, Predicate<JsonNode> which) {
        HttpJson.Response response = as.get(path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        response.body().forEach(node -> {
            if (which.test(node)) {
                found.add(node);
            }
        });
        return found;
    }
}
