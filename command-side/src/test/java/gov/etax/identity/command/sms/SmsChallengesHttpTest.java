package gov.etax.identity.command.sms;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.infrastructure.persistence.DatabaseEngine;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.person.MobilePhone;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS codes over real HTTP against a command-side node on a real PostgreSQL, with a clock the
 * test moves. Every test uses phones of its own, so the shared clock may jump freely.
 */
class SmsChallengesHttpTest extends CommandSideHttpTest {

    private static final Pattern CODE = Pattern.compile("验证码为(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MutableClock clock;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2025-03-03T01:00:00Z"));
        startCommandSide(clock);
    }

    @Test
    @DisplayName("REG-7: five sends in 10 minutes, all purposes together, then 429 SMS_SENDING_PAUSED with retryAt = first + 10:00 and Retry-After")
    void fiveSendsThenPaused() throws Exception {
        // Real time here, because the Retry-After header is counted from it (see ProblemDetailsAdvice).
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Registering sent the phone its REGISTRATION code (LOGIN-2), in a window over by the first send.
        clock.set(first.minus(Duration.ofMinutes(11)));
        String phone = boundPhone();
        clock.set(first);

        List<String> purposes = List.of("LOGIN", "PASSWORD_RESET", "LOGIN", "PASSWORD_RESET", "LOGIN");
        for (int send = 0; send < 5; send++) {
            clock.set(first.plus(Duration.ofMinutes(send)));
            HttpJson.Response accepted = send(phone, purposes.get(send));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
            assertThat(accepted.text("phoneMasked")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(accepted.text("purpose")).isEqualTo(purposes.get(send));
            assertThat(Instant.parse(accepted.text("expiresAt"))).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
            assertThat(accepted.body().get("sendsLeftInWindow").asInt()).isEqualTo(4 - send);
            assertThat(accepted.raw()).doesNotContain(codes(phone).get(send + 1));
        }
        List<Map<String, Object>> storedBefore = rowsOf(phone);

        clock.set(first.plus(Duration.ofMinutes(5)));
        HttpResponse<String> refused = postWithHeaders("/api/sms-challenges", Map.of("phone", phone, "purpose", "LOGIN"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asText()).isEqualTo("SMS_SENDING_PAUSED");
        assertThat(problem.get("rule").asText()).isEqualTo("REG-7");
        assertThat(problem.get("message_zh").asText()).isEqualTo("短信验证码获取频繁，请稍后重试");
        assertThat(Instant.parse(problem.get("retryAt").asText())).isEqualTo(first.plus(Duration.ofMinutes(10)));
        assertThat(refused.headers().firstValue("Retry-After")).get()
                .satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));

        // The refused send stored nothing and sent nothing.
        assertThat(rowsOf(phone)).isEqualTo(storedBefore);
        // The registration's code and the five.
        assertThat(codes(phone)).hasSize(6).allSatisfy(code -> assertThat(code).matches("\\d{6}"));
    }

    @Test
    @DisplayName("REG-7: refused at first + 09:59; at first + 10:00 a fixed window of 5 starts afresh (a sliding count would refuse)")
    void windowEndsAtTenMinutes() {
        Instant first = Instant.parse("2025-03-04T02:00:00Z");
        String phone = phone();
        sendAccepted(phone, first, 1);
        sendAccepted(phone, first.plus(Duration.ofMinutes(9)), 4);

        clock.set(first.plus(Duration.ofMinutes(9)).plusSeconds(59));
        assertPaused(send(phone, "PHONE_BINDING"), first.plus(Duration.ofMinutes(10)));

        Instant second = first.plus(Duration.ofMinutes(10));
        clock.set(second);
        HttpJson.Response opened = send(phone, "PHONE_BINDING");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(202);
        assertThat(opened.body().get("sendsLeftInWindow").asInt()).isEqualTo(4);
        sendAccepted(phone, second.plus(Duration.ofMinutes(1)), 4);

        clock.set(second.plus(Duration.ofMinutes(9)).plusSeconds(59));
        assertPaused(send(phone, "PHONE_BINDING"), second.plus(Duration.ofMinutes(10)));
        assertThat(codes(phone)).hasSize(10).allSatisfy(code -> assertThat(code).matches("\\d{6}"));
    }

    @Test
    @DisplayName("REG-7: after a full window a send at first + 10:01 opens the next window at 10:01, not at 10:00")
    void nextWindowIsAnchoredAtItsFirstSend() {
        Instant first = Instant.parse("2025-03-05T03:00:00Z");
        String phone = phone();
        sendAccepted(phone, first, 5);

        Instant second = first.plus(Duration.ofMinutes(10)).plusSeconds(1);
        clock.set(second);
        HttpJson.Response opened = send(phone, "PHONE_BINDING");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(202);
        assertThat(opened.body().get("sendsLeftInWindow").asInt()).isEqualTo(4);
        sendAccepted(phone, second, 4);

        clock.set(first.plus(Duration.ofMinutes(20)));
        assertPaused(send(phone, "PHONE_BINDING"), second.plus(Duration.ofMinutes(10)));
        clock.set(second.plus(Duration.ofMinutes(10)));
        assertThat(send(phone, "PHONE_BINDING").status()).isEqualTo(202);
        assertThat(codes(phone)).hasSize(11);
    }

    @Test
    @DisplayName("LOGIN-2: a login or password-reset code for an unbound phone is 422 with the bureau's wording; nothing is stored or sent")
    void unboundPhone() throws SQLException {
        clock.set(Instant.parse("2025-03-06T04:00:00Z"));
        String phone = phone();
        for (String purpose : List.of("LOGIN", "PASSWORD_RESET")) {
            HttpJson.Response response = send(phone, purpose);
            assertProblem(response, 422, "PHONE_NOT_BOUND", "LOGIN-2");
            assertThat(response.text("message_zh")).isEqualTo("手机号码不存在，您可以尝试使用证件号码登录");
        }
        assertThat(codes(phone)).isEmpty();
        assertThat(rowsOf(phone)).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-3: a binding code before login, with a face scan, goes to a phone another person holds (找回手机号码 "
            + "takes it back for whoever holds it now); a login code for it is sent too")
    void bindingABoundPhone() throws SQLException {
        clock.set(Instant.parse("2025-03-07T05:00:00Z"));
        String phone = boundPhone();
        int registrationCodes = codes(phone).size();
        assertThat(send(phone, "PHONE_BINDING").status()).isEqualTo(202);
        assertThat(codes(phone)).hasSize(registrationCodes + 1);

        assertThat(send(phone, "LOGIN").status()).isEqualTo(202);
        assertThat(codes(phone)).hasSize(registrationCodes + 2);
    }

    @Test
    @DisplayName("REG-7, LOGIN-2: an invalid phone or an unknown purpose is a 400 problem")
    void invalidInput() {
        assertProblem(send("12345", "LOGIN"), 400, "INVALID_PHONE", "LOGIN-2");
        assertProblem(send(phone(), "WITHDRAWAL"), 400, "INVALID_SMS_PURPOSE", "REG-7");
        assertProblem(http.post("/api/sms-challenges", Map.of("phone", phone())), 400, "INVALID_SMS_PURPOSE", "REG-7");
        assertProblem(http.post("/api/sms-challenges", "{\"phone\": "), 400, "MALFORMED_REQUEST", null);
    }

    @Test
    @DisplayName("REG-7: a code works once and only for its purpose")
    void codeWorksOnce() {
        clock.set(Instant.parse("2025-03-08T06:00:00Z"));
        String phone = boundPhone();
        assertThat(send(phone, "LOGIN").status()).isEqualTo(202);
        String code = lastCode(phone);

        assertThat(verify(phone, SmsPurpose.PASSWORD_RESET, code)).isEqualTo(SmsCodeCheck.NO_CODE);
        assertThat(verify(phone, SmsPurpose.LOGIN, code)).isEqualTo(SmsCodeCheck.VALID);
        assertThat(verify(phone, SmsPurpose.LOGIN, code)).isEqualTo(SmsCodeCheck.NO_CODE);
    }

    @Test
    @DisplayName("REG-7: the right code offered 8 times at once is VALID exactly once; the other tries find no code")
    void codeWorksOnceUnderConcurrentTries() throws Exception {
        clock.set(Instant.parse("2025-03-08T06:30:00Z"));
        String phone = boundPhone();
        assertThat(send(phone, "LOGIN").status()).isEqualTo(202);
        String code = lastCode(phone);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SmsCodeCheck>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> {
                    gate.await();
                    return verify(phone, SmsPurpose.LOGIN, code);
                }));
            }
            gate.countDown();
            List<SmsCodeCheck> checks = new ArrayList<>();
            for (Future<SmsCodeCheck> check : tries) {
                checks.add(check.get());
            }
            assertThat(checks).containsOnly(SmsCodeCheck.VALID, SmsCodeCheck.NO_CODE)
                    .filteredOn(check -> check == SmsCodeCheck.VALID).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("REG-7: a code lives 5 minutes: right at 4:59, EXPIRED at exactly 5:00 and after")
    void codeExpiresAfterFiveMinutes() {
        Instant sent = Instant.parse("2025-03-09T07:00:00Z");
        String phone = phone();
        sendAccepted(phone, sent, 1);
        clock.set(sent.plus(Duration.ofMinutes(4)).plusSeconds(59));
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, lastCode(phone))).isEqualTo(SmsCodeCheck.VALID);

        Instant again = sent.plus(Duration.ofMinutes(5));
        sendAccepted(phone, again, 1);
        String code = lastCode(phone);
        clock.set(again.plus(Duration.ofMinutes(5)));
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, code)).isEqualTo(SmsCodeCheck.EXPIRED);
        clock.set(again.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, code)).isEqualTo(SmsCodeCheck.EXPIRED);
    }

    @Test
    @DisplayName("REG-7: five wrong tries kill the code, so the right code on the sixth try is EXHAUSTED; after four it still works")
    void fiveWrongTries() {
        Instant sent = Instant.parse("2025-03-10T08:00:00Z");
        String phone = phone();
        sendAccepted(phone, sent, 1);
        String code = lastCode(phone);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(verify(phone, SmsPurpose.PHONE_BINDING, wrong(code))).as("wrong try " + attempt).isEqualTo(SmsCodeCheck.WRONG);
        }
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, code)).isEqualTo(SmsCodeCheck.EXHAUSTED);

        sendAccepted(phone, sent.plus(Duration.ofMinutes(1)), 1);
        String fresh = lastCode(phone);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(verify(phone, SmsPurpose.PHONE_BINDING, wrong(fresh))).isEqualTo(SmsCodeCheck.WRONG);
        }
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, fresh)).isEqualTo(SmsCodeCheck.VALID);
    }

    @Test
    @DisplayName("REG-7: wrong tries stay counted when the caller's own transaction rolls back (a refused login)")
    void wrongTriesOutliveTheCallersRollback() {
        Instant sent = Instant.parse("2025-03-10T08:30:00Z");
        String phone = phone();
        sendAccepted(phone, sent, 1);
        String code = lastCode(phone);
        TransactionTemplate login = new TransactionTemplate(node.bean(PlatformTransactionManager.class));
        for (int attempt = 1; attempt <= 5; attempt++) {
            login.executeWithoutResult(status -> {
                assertThat(verify(phone, SmsPurpose.PHONE_BINDING, wrong(code))).isEqualTo(SmsCodeCheck.WRONG);
                status.setRollbackOnly();
            });
        }
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, code)).isEqualTo(SmsCodeCheck.EXHAUSTED);
    }

    @Test
    @DisplayName("REG-7: a new code for the same phone and purpose replaces the old one")
    void newCodeReplacesOld() {
        Instant sent = Instant.parse("2025-03-11T09:00:00Z");
        String phone = phone();
        sendAccepted(phone, sent, 1);
        String old = lastCode(phone);
        sendAccepted(phone, sent.plus(Duration.ofSeconds(30)), 1);
        String current = lastCode(phone);

        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, old)).isEqualTo(SmsCodeCheck.WRONG);
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, current)).isEqualTo(SmsCodeCheck.VALID);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @DisplayName("REG-7, LOGIN-2: no column of the SMS tables and no log line holds a code or a phone in clear")
    void noPlaintext(CapturedOutput output) throws SQLException {
        Instant sent = Instant.parse("2025-03-12T10:00:00Z");
        List<String> phones = List.of(phone(), phone());
        for (String phone : phones) {
            sendAccepted(phone, sent, 2);
            verify(phone, SmsPurpose.PHONE_BINDING, wrong(lastCode(phone)));
        }
        List<String> codes = new ArrayList<>();
        phones.forEach(phone -> codes.addAll(codes(phone)));

        // Every text value is an HMAC (64 hex characters) or a purpose name, so no code can hide in
        // one; searching hex hashes for 6-digit codes would only find chance hits.
        List<String> stored = textColumnValues("sms_send_window", "sms_challenge");
        assertThat(stored).isNotEmpty().allSatisfy(value -> {
            assertThat(value).doesNotContain(phones);
            if (!value.matches("[0-9a-f]{64}")) {
                assertThat(value).isIn("LOGIN", "PASSWORD_RESET", "PHONE_BINDING");
            }
        });
        LookupHash lookupHash = node.bean(LookupHash.class);
        for (String phone : phones) {
            assertThat(rowsOf(phone)).extracting(row -> row.get("phone_hash"))
                    .containsOnly(lookupHash.of(new MobilePhone(phone)));
            assertThat(rowsOf(phone)).filteredOn(row -> row.containsKey("code_hash")).singleElement()
                    .satisfies(challenge -> assertThat(challenge).containsEntry("code_hash",
                            lookupHash.of("sms-code", phone + ":PHONE_BINDING:" + lastCode(phone))));
        }

        List<String> secrets = new ArrayList<>(phones);
        secrets.addAll(codes);
        assertThat(output.getAll()).doesNotContain("验证码").doesNotContain(phones);
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContainPattern("(?<!\\d)" + secret + "(?!\\d)");
        }
    }

    @Test
    @DisplayName("REG-7: 10 simultaneous sends to one phone over two nodes: exactly 5 are sent, 5 refused with 429")
    void concurrentSendsOnTwoNodes() throws Exception {
        clock.set(Instant.parse("2025-03-13T11:00:00Z"));
        String phone = phone();
        try (CommandSideNode other = CommandSideNode.start(database, clock)) {
            List<HttpJson> nodes = List.of(http, other.http());
            CountDownLatch gate = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int request = 0; request < 10; request++) {
                    HttpJson target = nodes.get(request % 2);
                    Map<String, String> binding = request(target, phone, "PHONE_BINDING");
                    Callable<Integer> sendOne = () -> {
                        gate.await();
                        return target.post("/api/sms-challenges", binding).status();
                    };
                    statuses.add(pool.submit(sendOne));
                }
                gate.countDown();
                List<Integer> answered = new ArrayList<>();
                for (Future<Integer> status : statuses) {
                    answered.add(status.get());
                }
                assertThat(answered).containsOnly(202, 429).filteredOn(status -> status == 202).hasSize(5);
            } finally {
                pool.shutdownNow();
            }
            int delivered = codes(phone).size() + other.http().get("/api/dev/sms?phone=" + phone).body().size();
            assertThat(delivered).isEqualTo(5);
        }
        assertThat(rowsOf(phone)).filteredOn(row -> row.containsKey("sends")).singleElement()
                .satisfies(window -> assertThat(window).containsEntry("sends", 5));
    }

    @Test
    @DisplayName("REG-7: a code the gateway could not deliver costs the phone no send and leaves no code behind")
    void undeliveredCodeIsTakenBack() throws SQLException {
        Instant sent = Instant.parse("2025-03-14T12:00:00Z");
        String phone = phone();
        SmsChallenges unreachable = new SmsChallenges(node.bean(JdbcTemplate.class), node.bean(PlatformTransactionManager.class),
                node.bean(LookupHash.class), (to, text) -> {
                    throw new IllegalStateException("operator unreachable");
                }, clock, node.bean(DatabaseEngine.class));
        clock.set(sent);
        assertThatThrownBy(() -> unreachable.send(new MobilePhone(phone), SmsPurpose.PHONE_BINDING))
                .hasMessage("operator unreachable");
        assertThat(rowsOf(phone)).singleElement().satisfies(window -> assertThat(window).containsEntry("sends", 0));
        assertThat(verify(phone, SmsPurpose.PHONE_BINDING, "000000")).isEqualTo(SmsCodeCheck.NO_CODE);

        sendAccepted(phone, sent, 5);
    }

    private static HttpJson.Response send(String phone, String purpose) {
        return http.post("/api/sms-challenges", request(http, phone, purpose));
    }

    /** A binding code before login comes with a passed face scan on that node (LOGIN-3); a fresh one each time. */
    private static Map<String, String> request(HttpJson node, String phone, String purpose) {
        if (!"PHONE_BINDING".equals(purpose)) {
            return Map.of("phone", phone, "purpose", purpose);
        }
        String face = faceToken(node, "RESIDENT_IDENTITY_CARD", residentIdNumber(), "PASSED");
        return Map.of("phone", phone, "purpose", purpose, "faceVerificationToken", face);
    }

    /** Sends binding codes to an unbound phone at the given moment, each expected to be accepted. */
    private static void sendAccepted(String phone, Instant at, int times) {
        clock.set(at);
        for (int send = 0; send < times; send++) {
            HttpJson.Response response = send(phone, "PHONE_BINDING");
            assertThat(response.status()).as(response.raw()).isEqualTo(202);
        }
    }

    private static void assertPaused(HttpJson.Response response, Instant retryAt) {
        assertProblem(response, 429, "SMS_SENDING_PAUSED", "REG-7");
        assertThat(Instant.parse(response.text("retryAt"))).isEqualTo(retryAt);
    }

    private static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("rule")).isEqualTo(rule);
    }

    private static String boundPhone() {
        String phone = phone();
        HttpJson.Response registered = register(http, residentIdNumber(), phone);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return phone;
    }

    private static SmsCodeCheck verify(String phone, SmsPurpose purpose, String code) {
        return node.bean(SmsChallenges.class).verify(new MobilePhone(phone), purpose, code);
    }

    /** The codes in the dev gateway's outbox, oldest first. */
    private static List<String> codes(String phone) {
        HttpJson.Response outbox = http.get("/api/dev/sms?phone=" + phone);
        assertThat(outbox.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode sms : outbox.body()) {
            Matcher code = CODE.matcher(sms.get("text").asText());
            assertThat(code.find()).as(sms.toString()).isTrue();
            codes.add(code.group(1));
        }
        return codes;
    }

    private static String lastCode(String phone) {
        List<String> codes = codes(phone);
        assertThat(codes).isNotEmpty();
        return codes.get(codes.size() - 1);
    }

    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** The phone's rows in both SMS tables, as column maps, to compare before and after a refusal. */
    private static List<Map<String, Object>> rowsOf(String phone) {
        String phoneHash = node.bean(LookupHash.class).of(new MobilePhone(phone));
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        List<Map<String, Object>> rows = new ArrayList<>(
                jdbc.queryForList("SELECT * FROM sms_send_window WHERE phone_hash = ?", phoneHash));
        rows.addAll(jdbc.queryForList("SELECT * FROM sms_challenge WHERE phone_hash = ? ORDER BY purpose", phoneHash));
        return rows;
    }

    /** Every value of every text or bytea column of the given tables, read through plain JDBC. */
    private static List<String> textColumnValues(String... tables) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (String table : tables) {
                List<String[]> columns = new ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT column_name, data_type FROM information_schema.columns "
                                + "WHERE table_schema = current_schema() AND table_name = ? "
                                + "AND data_type IN ('character varying', 'character', 'text', 'bytea')")) {
                    query.setString(1, table);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            columns.add(new String[] {rows.getString(1), rows.getString(2)});
                        }
                    }
                }
                assertThat(columns).as("text columns of " + table).isNotEmpty();
                for (String[] column : columns) {
                    String read = "bytea".equals(column[1]) ? "encode(" + column[0] + ", 'escape')" : column[0];
                    try (PreparedStatement query = connection.prepareStatement("SELECT " + read + " FROM " + table);
                         ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            values.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        return values;
    }

    /** Like {@link HttpJson#post}, but keeps the headers (Retry-After). */
    private static HttpResponse<String> postWithHeaders(String path, Object body) throws IOException, InterruptedException {
        String port = node.bean(Environment.class).getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
