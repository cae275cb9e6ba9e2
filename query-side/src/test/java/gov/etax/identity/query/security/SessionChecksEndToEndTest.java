package gov.etax.identity.query.security;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.events;
import static gov.etax.identity.command.authorization.Staffing.logInByFace;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.personData;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byPhone;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTParser;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.support.SessionTokenForgery;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.query.session.EndedSessions;
import gov.etax.identity.query.support.QuerySideNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A session is checked where it is used (docs/security.md, "Sessions"): both applications running on
 * a fresh database, called over HTTP with real tokens and with tokens signed by the command side's own
 * key that it would never issue.
 */
class SessionChecksEndToEndTest {

    private static final Duration LAG = Duration.ofSeconds(30);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static HttpJson command;
    private static HttpJson query;
    private static HttpJson staff;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http());
        command = commandNode.http();
        query = queryNode.http();
        staff = command.as(staffToken(command, "TAX_STAFF"));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("ACC-6, ACC-2, LOGIN-5: a finance manager revoked at the hall: the session under the relationship ends "
            + "(RELATIONSHIP_ENDED), its token reads nothing on either side, and gives no new session by QR code")
    void financeManagerRevokedAtTheHall() {
        Person lr = registered(command);
        Person fm = registered(command);
        String uscc = uscc();
        HttpJson.Response enterprise = confirmEnterprise(staff, uscc, "江西撤销科技有限公司", lr, fm);
        assertThat(enterprise.status()).as(enterprise.raw()).isEqualTo(201);
        String fmAuthorization = enterprise.text("financeManagerAuthorizationId");
        HttpJson.Response confirmed = command.as(naturalPersonSessionByFace(command, fm))
                .post("/api/authorizations/" + fmAuthorization + "/confirmation", Map.of());
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        HttpJson.Response fmSession = logInByFace(command, fm, "ENTERPRISE", uscc, "FINANCE_MANAGER");
        assertThat(fmSession.status()).as(fmSession.raw()).isEqualTo(201);
        String fmToken = fmSession.text("accessToken");
        await().atMost(LAG).until(() -> query.as(fmToken).get("/api/enterprises/" + uscc + "/staff").status() == 200);

        String approvedBefore = ticket();
        assertThat(command.as(fmToken).post("/api/dev/login-tickets/" + approvedBefore + "/approval",
                Map.of("app", "TAX_APP")).status()).isEqualTo(204);

        assertThat(staff.delete("/api/tax-authority/authorizations/" + fmAuthorization + "?reason=DUTIES_CHANGED").status())
                .isEqualTo(204);

        assertThat(command.as(fmToken).get("/api/me/province-accounts").status()).as("command side, at once").isEqualTo(401);
        String[] ended = lastEvent(fm.personId());
        assertThat(ended[0]).endsWith(".SessionEnded");
        assertThat(ended[1]).contains(fmSession.text("sessionId"), "RELATIONSHIP_ENDED", fmAuthorization);

        HttpJson.Response exchanged = command.post("/api/login-tickets/" + approvedBefore + "/session", Map.of());
        assertThat(exchanged.status()).as("a ticket approved before the revocation: " + exchanged.raw()).isEqualTo(403);
        assertThat(exchanged.text("code")).isEqualTo("NO_RELATIONSHIP_WITH_ENTERPRISE");
        String approvedAfter = ticket();
        assertThat(command.as(fmToken).post("/api/dev/login-tickets/" + approvedAfter + "/approval",
                Map.of("app", "TAX_APP")).status()).isEqualTo(401);
        assertThat(command.get("/api/login-tickets/" + approvedAfter).text("status")).isEqualTo("WAITING");

        await().atMost(LAG).untilAsserted(() ->
                assertThat(query.as(fmToken).get("/api/enterprises/" + uscc + "/staff").status()).isEqualTo(401));
        assertThat(query.as(enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE"))
                .get("/api/enterprises/" + uscc + "/staff").status()).as("the LR's relationship is untouched").isEqualTo(200);
    }

    @Test
    @DisplayName("ACC-1: the legal representative replaced: the former LR's enterprise session ends with the binding")
    void legalRepresentativeReplaced() {
        Person lr = registered(command);
        String uscc = uscc();
        HttpJson.Response enterprise = confirmEnterprise(staff, uscc, "江西换人科技有限公司", lr, null);
        assertThat(enterprise.status()).as(enterprise.raw()).isEqualTo(201);
        String lrToken = enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE");
        await().atMost(LAG).until(() -> query.as(lrToken).get("/api/enterprises/" + uscc + "/staff").status() == 200);

        Map<String, Object> successor = personData(registered(command), "王总");
        successor.put("source", "MARKET_REGULATION");
        HttpJson.Response changed = staff.put("/api/tax-authority/enterprises/" + uscc + "/legal-representative", successor);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        assertThat(command.as(lrToken).get("/api/me/province-accounts").status()).isEqualTo(401);
        assertThat(lastEvent(lr.personId())[1]).contains("RELATIONSHIP_ENDED", changed.text("previousAuthorizationId"));
        await().atMost(LAG).untilAsserted(() ->
                assertThat(query.as(lrToken).get("/api/enterprises/" + uscc + "/staff").status()).isEqualTo(401));
        assertThat(command.as(naturalPersonSessionByFace(command, lr)).get("/api/me/province-accounts").status())
                .as("the person's own business goes on").isEqualTo(200);
    }

    @Test
    @DisplayName("Session theft across persons: a token whose sid is A's live session and whose sub is B is refused on both sides")
    void sessionOfOnePersonNamingAnother() {
        Person a = registered(command);
        Person b = registered(command);
        String tokenOfA = naturalPersonSessionByFace(command, a);
        await().atMost(LAG).until(() -> query.as(tokenOfA).get("/api/me/account").status() == 200);

        String aSessionAsB = SessionTokenForgery.altered(commandNode, tokenOfA, claims -> claims.put("sub", b.personId()));
        HttpJson.Response rename = command.as(aSessionAsB).put("/api/me/username", Map.of("username", "thief" + System.nanoTime() % 100000));
        assertThat(rename.status()).as(rename.raw()).isEqualTo(401);
        assertThat(query.as(aSessionAsB).get("/api/me/account").status()).isEqualTo(401);

        String otherEnterprise = SessionTokenForgery.altered(commandNode, tokenOfA, claims -> {
            claims.put("enterprise", uscc());
            claims.put("enterprise_role", "LEGAL_REPRESENTATIVE");
        });
        assertThat(command.as(otherEnterprise).get("/api/me/province-accounts").status()).isEqualTo(401);
        assertThat(query.as(otherEnterprise).get("/api/me/account").status()).isEqualTo(401);

        String unknownSession = SessionTokenForgery.altered(commandNode, tokenOfA, claims -> {
            claims.put("sid", SessionId.generate().value());
            claims.put("iat", Instant.now().minusSeconds(60).getEpochSecond());
        });
        assertThat(command.as(unknownSession).get("/api/me/province-accounts").status()).isEqualTo(401);
        assertThat(query.as(unknownSession).get("/api/me/account").status()).isEqualTo(401);
        assertThat(query.as(tokenOfA).get("/api/me/account").status()).as("A's own token still works").isEqualTo(200);
    }

    @Test
    @DisplayName("A token without exp would never expire: refused on both sides, for persons and staff")
    void tokensWithoutExpiry() {
        Person a = registered(command);
        String token = naturalPersonSessionByFace(command, a);
        await().atMost(LAG).until(() -> query.as(token).get("/api/me/account").status() == 200);
        String neverExpiring = SessionTokenForgery.altered(commandNode, token, claims -> claims.remove("exp"));
        assertThat(command.as(neverExpiring).get("/api/me/province-accounts").status()).isEqualTo(401);
        assertThat(query.as(neverExpiring).get("/api/me/account").status()).isEqualTo(401);
        assertThat(command.as(token).get("/api/me/province-accounts").status()).isEqualTo(200);
    }

    @RepeatedTest(3)
    @DisplayName("Logout ends the session's pending-authorization stream: a nomination right after it never reaches it")
    void streamEndsAtLogout() throws Exception {
        Person lr = registered(command);
        String uscc = uscc();
        assertThat(confirmEnterprise(staff, uscc, "江西推送科技有限公司", lr, null).status()).isEqualTo(201);
        HttpJson lrOnCommand = command.as(enterpriseSessionByFace(command, lr, uscc, "LEGAL_REPRESENTATIVE"));
        Person nominee = registered(command);
        String token = naturalPersonSessionByFace(command, nominee);
        await().atMost(LAG).until(() -> query.as(token).get("/api/me/account").status() == 200);

        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        HttpRequest request = HttpRequest.newBuilder(URI.create(query.baseUrl() + "/api/me/authorizations/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException e) {
                // the connection was cut: the stream is over all the same
            }
            closed.set(true);
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(LAG).until(() -> lines.stream().anyMatch(line -> line.startsWith("event:pending-authorizations")));

        assertThat(command.as(token).delete("/api/sessions/current").status()).isEqualTo(204);
        String validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString();
        String nomination = nominate(lrOnCommand, uscc, nominee, "TAX_OFFICER", validUntil).text("authorizationId");
        await().atMost(LAG).untilTrue(closed);

        String fresh = naturalPersonSessionByFace(command, nominee);
        await().atMost(LAG).until(() -> query.as(fresh).get("/api/me/authorizations").raw().contains(nomination));
        assertThat(String.join("\n", lines)).doesNotContain(nomination);
        assertThat(lines.stream().filter(line -> line.startsWith("event:pending-authorizations"))).hasSize(1);
        String sessionId = JWTParser.parse(token).getJWTClaimsSet().getStringClaim("sid");
        assertThat(queryNode.bean(EndedSessions.class).endedAmong(List.of(sessionId, SessionId.generate().value())))
                .as("what the check of streams on other nodes reads").containsExactly(sessionId);
    }

    @Test
    @DisplayName("PWD-2: a session that must change its initial password reads nothing on the query side (403 PASSWORD_CHANGE_REQUIRED)")
    void initialPasswordReadsNothing() {
        String document = residentIdNumber();
        String phone = phone();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentType", "RESIDENT_IDENTITY_CARD");
        row.put("documentNumber", document);
        row.put("name", "赵六");
        row.put("phones", List.of(phone));
        row.put("province", "360000");
        HttpJson.Response imported = staff.post("/api/tax-authority/person-imports", List.of(row));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        Map<String, Object> login = byPhone(phone, document.substring(document.length() - 6));
        login.put("smsCode", smsCode(command, phone, "LOGIN"));
        HttpJson.Response session = command.post("/api/sessions", login);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.body().get("passwordChangeRequired").asBoolean()).isTrue();
        HttpJson mustChange = query.as(session.text("accessToken"));

        for (String path : List.of("/api/me/account", "/api/me/authorizations", "/api/me/authorizations/stream",
                "/api/me/enterprises", "/api/me/history")) {
            HttpJson.Response refused = mustChange.get(path);
            assertThat(refused.status()).as(path + " " + refused.raw()).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("PASSWORD_CHANGE_REQUIRED");
            assertThat(refused.text("rule")).isEqualTo("PWD-2");
            assertThat(refused.text("message_zh")).isEqualTo("您的密码为初始密码，请先修改密码");
        }
        String withoutTheFlag = SessionTokenForgery.altered(commandNode, session.text("accessToken"),
                claims -> claims.put("pwd_change_required", false));
        assertThat(query.as(withoutTheFlag).get("/api/me/account").status())
                .as("the flag is the session's, not the token's to drop").isEqualTo(401);
    }

    @Test
    @DisplayName("PWD-4: a scan-login session of a person without a password reads nothing on the query side (403 PASSWORD_NOT_SET)")
    void noPasswordReadsNothing() {
        String document = residentIdNumber();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentType", "RESIDENT_IDENTITY_CARD");
        row.put("documentNumber", document);
        row.put("name", "钱七");
        row.put("phones", List.of(phone()));
        row.put("province", "360000");
        row.put("passwordOnRecord", false);
        assertThat(staff.post("/api/tax-authority/person-imports", List.of(row)).status()).isEqualTo(200);
        String ticket = ticket();
        assertThat(command.post("/api/dev/login-tickets/" + ticket + "/approval", Map.of("app", "IIT_APP",
                "faceVerificationToken", faceToken(command, "RESIDENT_IDENTITY_CARD", document, "PASSED"))).status())
                .isEqualTo(204);
        HttpJson.Response session = command.post("/api/login-tickets/" + ticket + "/session", Map.of());
        assertThat(session.status()).as(session.raw()).isEqualTo(201);

        HttpJson.Response refused = query.as(session.text("accessToken")).get("/api/me/account");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("PASSWORD_NOT_SET");
        assertThat(refused.text("rule")).isEqualTo("PWD-4");
        assertThat(refused.text("message_zh")).isEqualTo("您尚未设置个人用户密码，请重新设置新密码");
    }

    private static String ticket() {
        return command.post("/api/login-tickets", Map.of()).text("ticketId");
    }

    private static String[] lastEvent(String aggregateId) {
        List<String[]> all = events(database, aggregateId);
        return all.get(all.size() - 1);
    }
}
