package gov.etax.identity.query.center;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.eventTypes;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
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
import gov.etax.identity.query.authorization.PendingAuthorizationStream;
import gov.etax.identity.query.support.QuerySideNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The account center over real HTTP on PostgreSQL, with the FAQ's people: an enterprise confirmed by
 * tax staff, its legal representative nominates Xiao Wang (小王) as tax officer, he confirms, sees the
 * enterprise, removes himself, and finds the ended relationship and his logins in his history.
 */
class AccountCenterHttpTest {

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
        // Short heartbeats, so that a stream whose client went away is noticed within the test.
        // and a short bound for read-your-writes waits, so that the 503 comes quickly.
        System.setProperty("etax.account-center.stream-heartbeat", "PT0.2S");
        System.setProperty("etax.consistency.max-wait", "PT2S");
        try {
            queryNode = QuerySideNode.start(database, commandNode.http());
        } finally {
            System.clearProperty("etax.account-center.stream-heartbeat");
            System.clearProperty("etax.consistency.max-wait");
        }
        command = commandNode.http();
        query = queryNode.http();
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    private record Enterprise(String uscc, Person legalRepresentative, HttpJson asLegalRepresentative) {
    }

    private static Enterprise enterprise(String name) {
        Person lr = registered(command);
        String uscc = uscc();
        HttpJson.Response confirmed = confirmEnterprise(command.as(staffToken(command, "TAX_STAFF")), uscc, name, lr, null);
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        return new Enterprise(uscc, lr, command.as(enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE")));
    }

    private static String threeMonthsAhead() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString();
    }

    @Test
    @DisplayName("ACC-5, ACC-7, ACC-10: Xiao Wang confirms, sees the enterprise, removes it; his history shows it and his logins; "
            + "clearing a record hides it from him only")
    void xiaoWangsAccountCenter() {
        Enterprise company = enterprise("江西账户中心科技有限公司");
        Person xiaoWang = registered(command);
        String validUntil = threeMonthsAhead();
        HttpJson.Response nominated = nominate(company.asLegalRepresentative(), company.uscc(), xiaoWang, "TAX_OFFICER",
                validUntil);
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        String id = nominated.text("authorizationId");

        // A wrong password first: a failed login for the history.
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("documentType", "RESIDENT_IDENTITY_CARD");
        wrong.put("documentNumber", xiaoWang.document());
        wrong.put("password", "Wrong#2024x");
        wrong.put("faceVerificationToken", gov.etax.identity.command.support.Registrations.faceToken(command,
                "RESIDENT_IDENTITY_CARD", xiaoWang.document(), "PASSED"));
        assertThat(command.post("/api/sessions", wrong).status()).isEqualTo(401);
        String token = naturalPersonSessionByFace(command, xiaoWang);
        HttpJson mine = query.as(token);

        // 待确认授权
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(ids(mine.get("/api/me/authorizations?status=PENDING")))
                .containsExactly(id));
        assertThat(ids(mine.get("/api/me/authorizations?status=ACTIVE"))).isEmpty();
        assertThat(mine.get("/api/me/authorizations?status=REVOKED").status()).isEqualTo(400);

        assertThat(command.as(token).post("/api/authorizations/" + id + "/confirmation", Map.of()).status()).isEqualTo(200);

        // 已授权企业
        JsonNode enterprise = await().atMost(PROJECTION_LAG).until(() -> items(mine.get("/api/me/enterprises")),
                list -> list.size() == 1).get(0);
        assertThat(enterprise.get("authorizationId").asText()).isEqualTo(id);
        assertThat(enterprise.get("uscc").asText()).isEqualTo(company.uscc());
        assertThat(enterprise.get("enterpriseName").asText()).isEqualTo("江西账户中心科技有限公司");
        assertThat(enterprise.get("role").asText()).isEqualTo("TAX_OFFICER");
        assertThat(enterprise.get("taxOfficerIdentity").asText()).isEqualTo("MAIN");
        assertThat(enterprise.get("scopes").toString()).contains("TAX_DECLARATION");
        assertThat(enterprise.get("validUntil").asText()).isEqualTo(validUntil);
        assertThat(enterprise.get("since").asText()).isNotBlank();
        assertThat(ids(mine.get("/api/me/authorizations?status=PENDING"))).isEmpty();
        assertThat(ids(mine.get("/api/me/authorizations?status=ACTIVE"))).containsExactly(id);
        // the existing lists keep working
        assertThat(ids(mine.get("/api/me/authorizations"))).containsExactly(id);
        assertThat(query.as(enterpriseSessionByFace(command, company.legalRepresentative(), company.uscc(),
                "LEGAL_REPRESENTATIVE")).get("/api/enterprises/" + company.uscc() + "/staff").status()).isEqualTo(200);
        assertThat(mine.get("/api/me/account").status()).isEqualTo(200);

        // An identity switch: he acts for the enterprise as its tax officer.
        Map<String, Object> switchTo = Map.of("to", "ENTERPRISE", "uscc", company.uscc(), "role", "TAX_OFFICER");
        HttpJson.Response switched = command.as(naturalPersonSessionByFace(command, xiaoWang))
                .post("/api/sessions/current/switch", switchTo);
        assertThat(switched.status()).as(switched.raw()).isLessThan(300);

        // He removes the enterprise himself (ACC-7).
        assertThat(command.as(token).delete("/api/me/enterprises/" + id + "?reason=LEFT_ENTERPRISE").status()).isEqualTo(204);
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(items(mine.get("/api/me/enterprises"))).isEmpty());

        // 历史管理信息
        List<JsonNode> history = await().atMost(PROJECTION_LAG).until(() -> items(mine.get("/api/me/history?limit=100")),
                list -> kinds(list).contains("RELATIONSHIP_ENDED") && kinds(list).contains("IDENTITY_SWITCHED"));
        assertThat(kinds(history)).contains("LOGIN_SUCCEEDED", "LOGIN_FAILED", "IDENTITY_SWITCHED", "RELATIONSHIP_ENDED");
        JsonNode ended = history.stream().filter(r -> "RELATIONSHIP_ENDED".equals(r.get("kind").asText())).findFirst()
                .orElseThrow();
        assertThat(ended.get("authorizationId").asText()).isEqualTo(id);
        assertThat(ended.get("uscc").asText()).isEqualTo(company.uscc());
        assertThat(ended.get("enterpriseName").asText()).isEqualTo("江西账户中心科技有限公司");
        assertThat(ended.get("role").asText()).isEqualTo("TAX_OFFICER");
        assertThat(ended.get("endedHow").asText()).isEqualTo("REVOKED");
        assertThat(ended.get("endedSide").asText()).isEqualTo("PERSON");
        assertThat(ended.get("endedReason").asText()).isEqualTo("LEFT_ENTERPRISE");
        assertThat(ended.get("since").asText()).isEqualTo(enterprise.get("since").asText());
        JsonNode failed = history.stream().filter(r -> "LOGIN_FAILED".equals(r.get("kind").asText())).findFirst().orElseThrow();
        assertThat(failed.get("failure").asText()).isNotBlank();
        JsonNode aLogin = history.stream().filter(r -> "LOGIN_SUCCEEDED".equals(r.get("kind").asText())).findFirst()
                .orElseThrow();

        // ACC-10: he clears the ended relationship; nothing is deleted, the clearing is an event.
        String recordId = ended.get("recordId").asText();
        HttpJson.Response cleared = command.as(token).post("/api/me/history/" + recordId + "/clear", Map.of());
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.body().get("cleared").asBoolean()).isTrue();
        assertThat(command.as(token).post("/api/me/history/" + recordId + "/clear", Map.of()).body().get("cleared")
                .asBoolean()).isFalse();
        assertThat(command.as(token).post("/api/me/history/not-a-record/clear", Map.of()).status()).isEqualTo(400);
        await().atMost(PROJECTION_LAG).untilAsserted(() -> assertThat(recordIds(items(mine.get("/api/me/history?limit=100"))))
                .doesNotContain(recordId).contains(aLogin.get("recordId").asText()));
        assertThat(eventTypes(database, xiaoWang.personId())).containsOnlyOnce("HistoryRecordCleared");
        assertThat(Staffing_count("SELECT count(*) FROM domainevententry WHERE eventidentifier = ?", recordId)).isEqualTo(1);
        // ACC-10: gone from his history, still in the auditors' trail, with the clearing beside it.
        HttpJson.Response trail = query.as(staffToken(command, "AUDITOR")).get("/api/audit/events");
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.raw()).contains("\"eventId\":\"" + recordId + "\"").contains("HistoryRecordCleared");

        // Another person "clearing" Xiao Wang's login only touches their own view: his still shows it.
        String lrToken = naturalPersonSessionByFace(command, company.legalRepresentative());
        String loginRecord = aLogin.get("recordId").asText();
        assertThat(command.as(lrToken).post("/api/me/history/" + loginRecord + "/clear", Map.of()).status()).isEqualTo(200);
        assertThat(eventTypes(database, company.legalRepresentative().personId())).contains("HistoryRecordCleared");
        await().atMost(PROJECTION_LAG).until(() -> Staffing_count(
                "SELECT count(*) FROM account_history_cleared WHERE person_id = ? AND record_id = ?",
                company.legalRepresentative().personId(), loginRecord) == 1);
        assertThat(recordIds(items(mine.get("/api/me/history?limit=100")))).contains(loginRecord).doesNotContain(recordId);
        assertThat(recordIds(items(query.as(lrToken).get("/api/me/history?limit=100")))).doesNotContain(loginRecord);
    }

    @Test
    @DisplayName("Cursor pagination: pages of history, enterprises and authorizations join up to the whole list, in a stable order")
    void pagination() {
        Person lr = registered(command);
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String uscc = uscc();
            usccs.add(uscc);
            assertThat(confirmEnterprise(command.as(staffToken(command, "TAX_STAFF")), uscc, "江西分页科技有限公司" + i, lr, null)
                    .status()).isEqualTo(201);
        }
        for (int i = 0; i < 4; i++) {
            naturalPersonSessionByFace(command, lr);
        }
        HttpJson mine = query.as(naturalPersonSessionByFace(command, lr));

        await().atMost(PROJECTION_LAG).until(() -> items(mine.get("/api/me/enterprises?limit=100")).size() == 3
                && kinds(items(mine.get("/api/me/history?limit=100"))).size() >= 5);
        List<String> wholeHistory = recordIds(items(mine.get("/api/me/history?limit=100")));
        List<String> pagedHistory = walk(mine, "/api/me/history", 2);
        assertThat(pagedHistory).containsExactlyElementsOf(wholeHistory).doesNotHaveDuplicates();
        List<JsonNode> historyItems = items(mine.get("/api/me/history?limit=100"));
        for (int i = 1; i < historyItems.size(); i++) {
            // Instants, not strings: a time on a whole second is written without a fraction
            assertThat(Instant.parse(historyItems.get(i - 1).get("occurredAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(historyItems.get(i).get("occurredAt").asText()));
        }

        List<String> pagedEnterprises = walk(mine, "/api/me/enterprises", 2);
        assertThat(pagedEnterprises).hasSize(3).doesNotHaveDuplicates();
        HttpJson.Response first = mine.get("/api/me/enterprises?limit=2");
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(first.text("nextCursor")).isNotBlank();
        assertThat(first.body().get("items").get(0).get("uscc").asText())
                .isEqualTo(usccs.stream().sorted().findFirst().orElseThrow());

        HttpJson.Response page1 = mine.get("/api/me/authorizations?limit=2");
        assertThat(page1.body()).hasSize(2);
        String next = page1.headers().firstValue("Next-Cursor").orElseThrow();
        HttpJson.Response page2 = mine.get("/api/me/authorizations?limit=2&cursor=" + next);
        assertThat(page2.body()).hasSize(1);
        assertThat(page2.headers().firstValue("Next-Cursor")).isEmpty();
        List<String> all = new ArrayList<>(ids(page1));
        all.addAll(ids(page2));
        assertThat(all).containsExactlyElementsOf(ids(mine.get("/api/me/authorizations")));

        assertThat(mine.get("/api/me/history?cursor=garbage!").status()).isEqualTo(400);
        assertThat(mine.get("/api/me/enterprises?limit=0").status()).isEqualTo(400);
        assertThat(mine.get("/api/me/enterprises?limit=101").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Live updates: the pending authorizations stream sends the list on connecting and again when a nomination arrives; "
            + "it closes when the client goes")
    void pendingAuthorizationsStream() throws Exception {
        Enterprise company = enterprise("江西推送科技有限公司");
        Person nominee = registered(command);
        String token = naturalPersonSessionByFace(command, nominee);
        PendingAuthorizationStream streams = queryNode.bean(PendingAuthorizationStream.class);

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(query.baseUrl() + "/api/me/authorizations/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        await().atMost(PROJECTION_LAG).until(() -> lines.contains("data:[]"));
        assertThat(lines).contains("event:pending-authorizations");
        assertThat(streams.openStreams()).isGreaterThanOrEqualTo(1);

        String id = nominate(company.asLegalRepresentative(), company.uscc(), nominee, "INVOICING_OFFICER", threeMonthsAhead())
                .text("authorizationId");
        await().atMost(PROJECTION_LAG).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(id)));
        assertThat(lines.stream().filter(l -> l.startsWith("data:") && l.contains(id)).findFirst().orElseThrow())
                .contains("江西推送科技有限公司", "INVOICING_OFFICER", "PENDING");

        // The withdrawal empties the list again.
        int before = lines.size();
        assertThat(company.asLegalRepresentative().post("/api/authorizations/" + id + "/withdrawal", Map.of()).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_LAG).until(() -> lines.subList(before, lines.size()).contains("data:[]"));

        // The client goes away: the server ends the stream and its subscription.
        response.body().close();
        await().atMost(PROJECTION_LAG).until(() -> streams.openStreams() == 0);

        HttpJson.Response withoutAccept = query.as(token).get("/api/me/authorizations/stream");
        assertThat(withoutAccept.status()).isEqualTo(406);
    }

    @Test
    @DisplayName("OpenAPI descriptions and Swagger UI on both applications, open to anonymous callers")
    void openApi() {
        HttpJson.Response queryDocs = query.get("/v3/api-docs");
        assertThat(queryDocs.status()).as(queryDocs.raw()).isEqualTo(200);
        assertThat(queryDocs.body().get("paths").has("/api/me/history")).isTrue();
        assertThat(queryDocs.body().get("paths").has("/api/me/enterprises")).isTrue();
        assertThat(queryDocs.raw()).contains("nextCursor", "历史管理信息");
        HttpJson.Response commandDocs = command.get("/v3/api-docs");
        assertThat(commandDocs.status()).as(commandDocs.raw()).isEqualTo(200);
        assertThat(commandDocs.body().get("paths").has("/api/me/history/{recordId}/clear")).isTrue();
        assertThat(query.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(command.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Read your own writes: a command's Consistency-Token makes the next query answer with its effect, "
            + "without polling; a position not reached in time is 503 with Retry-After")
    void readYourOwnWrites() {
        Enterprise company = enterprise("江西一致性科技有限公司");
        Person nominee = registered(command);
        String token = naturalPersonSessionByFace(command, nominee);

        HttpJson.Response nominated = nominate(company.asLegalRepresentative(), company.uscc(), nominee, "TAX_OFFICER",
                threeMonthsAhead());
        assertThat(nominated.status()).isEqualTo(201);
        String id = nominated.text("authorizationId");
        long afterNomination = consistencyToken(nominated);
        assertThat(ids(get(token, "/api/me/authorizations?status=PENDING", afterNomination))).containsExactly(id);

        HttpJson.Response confirmed = command.as(token).post("/api/authorizations/" + id + "/confirmation", Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        long afterConfirmation = consistencyToken(confirmed);
        assertThat(afterConfirmation).isGreaterThan(afterNomination);
        assertThat(items(get(token, "/api/me/enterprises", afterConfirmation)))
                .extracting(e -> e.get("authorizationId").asText()).containsExactly(id);

        HttpJson.Response removed = command.as(token).delete("/api/me/enterprises/" + id + "?reason=DUTIES_CHANGED");
        assertThat(removed.status()).isEqualTo(204);
        long afterRemoval = consistencyToken(removed);
        List<JsonNode> history = items(get(token, "/api/me/history?limit=100", afterRemoval));
        JsonNode ended = history.stream().filter(r -> id.equals(r.path("authorizationId").asText())).findFirst().orElseThrow();
        HttpJson.Response cleared = command.as(token).post("/api/me/history/" + ended.get("recordId").asText() + "/clear",
                Map.of());
        assertThat(recordIds(items(get(token, "/api/me/history?limit=100", consistencyToken(cleared)))))
                .doesNotContain(ended.get("recordId").asText());

        HttpJson.Response notYet = get(token, "/api/me/enterprises", afterRemoval + 1_000_000);
        assertThat(notYet.status()).isEqualTo(503);
        assertThat(notYet.text("code")).isEqualTo("CONSISTENCY_TOKEN_NOT_REACHED");
        assertThat(notYet.headers().firstValue("Retry-After")).contains("1");
        assertThat(get(token, "/api/me/enterprises", "soon").status()).isEqualTo(400);
    }

    private static long consistencyToken(HttpJson.Response answer) {
        return Long.parseLong(answer.headers().firstValue("Consistency-Token").orElseThrow(
                () -> new AssertionError("no Consistency-Token: " + answer.status() + " " + answer.raw())));
    }

    private static HttpJson.Response get(String token, String path, Object consistencyToken) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(query.baseUrl() + path)).header("Authorization", "Bearer " + token)
                    .header("Consistency-Token", consistencyToken.toString()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            return new HttpJson.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    // ------------------------------------------------------------------ helpers

    private static List<String> walk(HttpJson as, String path, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpJson.Response page = as.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(limit);
            page.body().get("items").forEach(item -> ids.add(item.has("recordId") ? item.get("recordId").asText()
                    : item.get("authorizationId").asText()));
            cursor = page.body().hasNonNull("nextCursor") ? page.body().get("nextCursor").asText() : null;
            assertThat(++pages).isLessThan(100);
        } while (cursor != null);
        return ids;
    }

    private static long Staffing_count(String sql, Object... args) {
        return gov.etax.identity.command.authorization.Staffing.count(database, sql, args);
    }

    private static List<JsonNode> items(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().get("items").forEach(items::add);
        return items;
    }

    private static List<String> ids(HttpJson.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().forEach(a -> ids.add(a.get("authorizationId").asText()));
        return ids;
    }

    private static List<String> recordIds(List<JsonNode> records) {
        return records.stream().map(r -> r.get("recordId").asText()).toList();
    }

    private static List<String> kinds(List<JsonNode> records) {
        return records.stream().map(r -> r.get("kind").asText()).toList();
    }
}
