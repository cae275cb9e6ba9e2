package gov.etax.identity.command.person.username;

import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.withSmsCode;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.smsCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.StoredEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Setting and changing usernames over real HTTP on PostgreSQL, with a clock the test moves a year (LOGIN-7). */
class UsernameHttpTest extends CommandSideHttpTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "Secret#2024";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static MutableClock clock;

    @BeforeAll
    static void start() {
        clock = MutableClock.tomorrowMorningInChina();
        startCommandSide(clock);
    }

    record Person(String personId, String phone) {
    }

    private static Person registered(String username) {
        String document = residentIdNumber();
        String phone = phone();
        Map<String, Object> body = application(document, phone, faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        if (username != null) {
            body.put("username", username);
        }
        HttpJson.Response response = http.post("/api/persons/registrations", withSmsCode(http, body));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Person(response.text("personId"), phone);
    }

    private static String newUsername(String prefix) {
        return prefix + phone().substring(3);
    }

    private static HttpJson.Response put(String token, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        return putJson(token, body);
    }

    /** HttpJson has no PUT; this sends one the same way (JSON in and out, optional bearer token). */
    private static HttpJson.Response putJson(String token, Map<String, Object> body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/me/username"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = contentType.contains("json") && !response.body().isBlank() ? JSON.readTree(response.body()) : null;
            return new HttpJson.Response(response.statusCode(), contentType, json, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpJson.Response logInByUsername(String username, String smsPhone) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD,
                "smsPhone", smsPhone, "smsCode", smsCode(http, smsPhone, "LOGIN")));
        return http.post("/api/sessions", body);
    }

    @Test
    @DisplayName("LOGIN-7: a person without a username sets one later and logs in with it; usernames are case-sensitive")
    void setsUsernameLater() {
        Person person = registered(null);
        String token = logIn(http, person.phone(), PASSWORD);
        String username = newUsername("Zhang");

        HttpJson.Response set = put(token, username);
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.text("username")).isEqualTo(username);
        assertThat(set.body().get("changed").asBoolean()).isTrue();

        HttpJson.Response session = logInByUsername(username, person.phone());
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        assertThat(session.text("personId")).isEqualTo(person.personId());
        assertProblem(logInByUsername(username.toLowerCase(), person.phone()), 401, "ACCOUNT_NOT_REGISTERED", "REG-6");

        List<String> events = StoredEvents.payloads(database, person.personId());
        assertThat(StoredEvents.types(database, person.personId())).contains("UsernameChanged");
        assertThat(events).allSatisfy(event -> assertThat(event).doesNotContain(username));
        assertThat(String.join("\n", events)).contains("\"replacedPrevious\":false", "\"username\":{\"ciphertext\":");
    }

    @Test
    @DisplayName("LOGIN-7: the registration username may be changed at once; the old one is freed; the next change waits until the same date next year")
    void changeOncePerYear() {
        String first = newUsername("First");
        Person person = registered(first);
        String token = logIn(http, person.phone(), PASSWORD);
        Instant changedAt = clock.instant();

        String second = newUsername("Second");
        HttpJson.Response changed = put(token, second);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("changed").asBoolean()).isTrue();
        assertProblem(logInByUsername(first, person.phone()), 401, "ACCOUNT_NOT_REGISTERED", "REG-6");
        Person other = registered(null);
        assertThat(put(logIn(http, other.phone(), PASSWORD), first).status()).as("the old username is free").isEqualTo(200);

        String third = newUsername("Third");
        Instant allowedFrom = LocalDate.ofInstant(changedAt, CST).plusYears(1).atStartOfDay(CST).toInstant();
        HttpJson.Response tooSoon = put(token, third);
        assertProblem(tooSoon, 422, "USERNAME_CHANGED_WITHIN_A_YEAR", "LOGIN-7");
        assertThat(tooSoon.text("message_zh")).isEqualTo("用户名一年可修改一次");
        assertThat(Instant.parse(tooSoon.text("changeAllowedFrom"))).isEqualTo(allowedFrom);

        clock.set(changedAt.plus(Duration.ofDays(364)));
        assertProblem(put(logIn(http, person.phone(), PASSWORD), third), 422, "USERNAME_CHANGED_WITHIN_A_YEAR", "LOGIN-7");

        clock.set(allowedFrom.minusSeconds(1));
        String lastSecondToken = logIn(http, person.phone(), PASSWORD);
        assertProblem(put(lastSecondToken, third), 422, "USERNAME_CHANGED_WITHIN_A_YEAR", "LOGIN-7");

        clock.set(allowedFrom);
        HttpJson.Response allowed = put(lastSecondToken, third);
        assertThat(allowed.status()).as(allowed.raw()).isEqualTo(200);
        assertThat(logInByUsername(third, person.phone()).status()).isEqualTo(201);
        assertThat(StoredEvents.types(database, person.personId())).filteredOn("UsernameChanged"::equals).hasSize(2);
        clock.set(allowedFrom.plus(Duration.ofHours(10)));
    }

    @Test
    @DisplayName("LOGIN-7: another person's username is 409, the own username again changes nothing, a malformed one is 400 with the FAQ's wording")
    void takenSameAndMalformed() {
        String taken = newUsername("Taken");
        registered(taken);
        String own = newUsername("Own");
        Person person = registered(own);
        String token = logIn(http, person.phone(), PASSWORD);

        HttpJson.Response refused = put(token, taken);
        assertProblem(refused, 409, "USERNAME_TAKEN", "LOGIN-7");

        HttpJson.Response same = put(token, own);
        assertThat(same.status()).as(same.raw()).isEqualTo(200);
        assertThat(same.body().get("changed").asBoolean()).isFalse();
        assertThat(StoredEvents.types(database, person.personId())).doesNotContain("UsernameChanged");

        HttpJson.Response malformed = put(token, "1abcdef");
        assertProblem(malformed, 400, "INVALID_USERNAME", "LOGIN-7");
        assertThat(malformed.text("message_zh")).isEqualTo("用户名为6-20位数字或字母组合，第一位必须为字母，且区分大小写");
        assertProblem(put(token, "Ab1"), 400, "INVALID_USERNAME", "LOGIN-7");
        assertProblem(put(token, "A" + "b".repeat(20)), 400, "INVALID_USERNAME", "LOGIN-7");
        assertProblem(put(token, (String) null), 400, "INVALID_USERNAME", "LOGIN-7");
    }

    @Test
    @DisplayName("LOGIN-7: setting a username needs a person's token (401 without)")
    void callers() {
        assertProblem(put(null, "Nobody2024"), 401, "AUTHENTICATION_REQUIRED", null);
    }

    static void assertProblem(HttpJson.Response response, int status, String code, String rule) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("message")).isNotBlank();
        assertThat(response.text("rule")).isEqualTo(rule);
    }
}
