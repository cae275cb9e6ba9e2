package gov.etax.identity.command.sms;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.registered;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.simulator.SimulatedFaceVerification;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Threat: free SMS to any number. Per phone, REG-7 holds; these are the limits per caller: only a
 * signed-in person or a holder of a passed face scan gets binding codes, and every address and
 * session has a budget of its own, counted in PostgreSQL across nodes. Realistic limits here; each
 * test starts at an hour of its own, so the address windows of the tests do not meet.
 */
class SmsAbuseHttpTest {

    private static final String PASSWORD = "Secret#2024";
    private static final String SMS_PER_ADDRESS = "etax.rate-limits.sms-per-address.max=20";
    private static final String SMS_PER_SESSION = "etax.rate-limits.sms-per-session.max=10";

    private static PostgresTestDatabase database;
    private static MutableClock clock;
    private static CommandSideNode node;
    private static CommandSideNode secondNode;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        clock = MutableClock.tomorrowMorningInChina();
        node = CommandSideNode.start(database, clock, SMS_PER_ADDRESS, SMS_PER_SESSION);
        secondNode = CommandSideNode.start(database, clock, SMS_PER_ADDRESS, SMS_PER_SESSION);
        http = node.http();
    }

    @AfterAll
    static void stop() {
        secondNode.close();
        node.close();
        database.close();
    }

    @Test
    @DisplayName("Threat free SMS, LOGIN-2: an anonymous binding code is 401 PHONE_BINDING_NEEDS_SIGN_IN, also with a failed or used scan; nothing is sent")
    void anonymousBindingCodeRefused() {
        clock.advance(Duration.ofHours(1));
        String phone = phone();
        assertProblem(http.post("/api/sms-challenges", Map.of("phone", phone, "purpose", "PHONE_BINDING")),
                401, "PHONE_BINDING_NEEDS_SIGN_IN", "LOGIN-2", "请先登录，或完成人脸识别后再获取验证码");

        String document = residentIdNumber();
        String failed = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "FAILED");
        assertProblem(binding(http, phone, failed), 401, "PHONE_BINDING_NEEDS_SIGN_IN", "LOGIN-2", null);

        String used = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");
        node.bean(SimulatedFaceVerification.class).redeem(used);
        assertProblem(binding(http, phone, used), 401, "PHONE_BINDING_NEEDS_SIGN_IN", "LOGIN-2", null);
        assertThat(outbox(phone)).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-3: a passed, unused face scan gets a binding code before login, and the scan stays unspent for the recovery itself")
    void passedScanGetsBindingCode() {
        clock.advance(Duration.ofHours(1));
        String phone = phone();
        String document = residentIdNumber();
        String face = faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED");

        HttpJson.Response sent = binding(http, phone, face);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(202);
        assertThat(outbox(phone)).hasSize(1);
        assertThat(node.bean(FaceVerification.class).redeem(face)
                .passedFor(new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, document))).isTrue();
    }

    @Test
    @DisplayName("Threat free SMS: 30 unbound numbers from one address over two nodes: a session gets 10, the address 20, then 429 with Retry-After; REG-7 still counts per phone")
    void perSessionAndPerAddressLimitsAcrossNodes() {
        clock.advance(Duration.ofHours(1));
        // Registering asks a code too (LOGIN-2): all persons first, then a fresh window for the address.
        String first = signedInByFace();
        List<String> moreSessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            moreSessions.add(signedInByFace());
        }
        String bound = registeredPhone();
        int boundOutbox = outbox(bound).size();
        clock.advance(Duration.ofMinutes(10));
        List<Integer> statuses = new ArrayList<>();
        HttpJson.Response sessionRefusal = null;
        for (int send = 0; send < 12; send++) {
            HttpJson.Response response = bindingCode(send, first);
            statuses.add(response.status());
            sessionRefusal = response.status() == 429 ? response : sessionRefusal;
        }
        assertThat(statuses.subList(0, 10)).containsOnly(202);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertProblem(sessionRefusal, 429, "SMS_LIMIT_PER_SESSION", "REG-7", "短信验证码获取频繁，请稍后重试");

        // More sessions from the same address, 5 sends each: the address has 10 of its 20 left.
        String next = null;
        statuses.clear();
        HttpJson.Response addressRefusal = null;
        for (int send = 12; send < 30; send++) {
            next = (send - 12) % 5 == 0 ? moreSessions.get((send - 12) / 5) : next;
            HttpJson.Response response = bindingCode(send, next);
            statuses.add(response.status());
            addressRefusal = response.status() == 429 && addressRefusal == null ? response : addressRefusal;
        }
        assertThat(statuses.subList(0, 10)).containsOnly(202);
        assertThat(statuses.subList(10, 18)).containsOnly(429);
        assertProblem(addressRefusal, 429, "SMS_LIMIT_PER_ADDRESS", "REG-7", "短信验证码获取频繁，请稍后重试");
        assertThat(addressRefusal.text("retryAt")).isNotNull();
        assertThat(addressRefusal.headers().firstValue("Retry-After")).get()
                .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));

        // The address gets no login code either, so probing which phones are bound stops as well.
        assertProblem(http.post("/api/sms-challenges", Map.of("phone", bound, "purpose", "LOGIN")),
                429, "SMS_LIMIT_PER_ADDRESS", "REG-7", null);
        assertThat(outbox(bound)).hasSize(boundOutbox);

        clock.advance(Duration.ofMinutes(10));
        assertThat(http.post("/api/sms-challenges", Map.of("phone", bound, "purpose", "LOGIN")).status()).isEqualTo(202);
    }

    /** A binding code to a fresh number, on the two nodes in turn. */
    private static HttpJson.Response bindingCode(int send, String token) {
        HttpJson target = (send % 2 == 0 ? http : secondNode.http()).as(token);
        return target.post("/api/sms-challenges", Map.of("phone", phone(), "purpose", "PHONE_BINDING"));
    }

    @Test
    @DisplayName("Threat free SMS: X-Forwarded-For is ignored unless the peer is a configured proxy; behind one, each client has its own budget")
    void forwardedForOnlyFromTrustedProxies() throws Exception {
        clock.advance(Duration.ofHours(1));
        // Registering asks a code too (LOGIN-2): the phones first, then fresh windows.
        String bound = registeredPhone();
        String firstBehindProxy = registeredPhone();
        String otherBehindProxy = registeredPhone();
        clock.advance(Duration.ofMinutes(10));
        int accepted = 0;
        for (int send = 0; send < 25; send++) {
            if (post(http, bound, "203.0.113." + send).statusCode() == 202) {
                accepted++;
            }
        }
        // REG-7 stops the phone at 5; the header did not make 25 addresses out of one.
        assertThat(accepted).isEqualTo(5);
        HttpResponse<String> spoofed = post(http, phone(), "203.0.113.99");
        assertThat(spoofed.statusCode()).as(spoofed.body()).isEqualTo(429);
        assertThat(spoofed.body()).contains("SMS_LIMIT_PER_ADDRESS");

        try (CommandSideNode behindProxy = CommandSideNode.start(database, clock, SMS_PER_ADDRESS, SMS_PER_SESSION,
                "etax.rate-limits.trusted-proxies=127.0.0.1/32")) {
            // Behind the proxy the client is the right-most address the proxy did not add itself.
            HttpResponse<String> first = post(behindProxy.http(), firstBehindProxy, "198.51.100.7, 10.9.8.7");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            HttpResponse<String> other = post(behindProxy.http(), otherBehindProxy, "203.0.113.99");
            assertThat(other.statusCode()).as(other.body()).isEqualTo(202);
        }
    }

    private static HttpJson.Response binding(HttpJson node, String phone, String faceVerificationToken) {
        Map<String, Object> body = new HashMap<>(Map.of("phone", phone, "purpose", "PHONE_BINDING"));
        body.put("faceVerificationToken", faceVerificationToken);
        return node.post("/api/sms-challenges", body);
    }

    private static HttpResponse<String> post(HttpJson node, String phone, String forwardedFor)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/sms-challenges"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"purpose\":\"LOGIN\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Registered and logged in with a face scan, which asks for no SMS. */
    private static String signedInByFace() {
        String document = residentIdNumber();
        HttpJson.Response registered = register(http, document, phone());
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        HttpJson.Response session = http.post("/api/sessions", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                "documentNumber", document, "password", PASSWORD,
                "faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED")));
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        return session.text("accessToken");
    }

    private static String registeredPhone() {
        return registered(http).phone();
    }

    private static List<String> outbox(String phone) {
        List<String> texts = new ArrayList<>();
        http.get("/api/dev/sms?phone=" + phone).body().forEach(sms -> texts.add(sms.get("text").asText()));
        return texts;
    }
}
