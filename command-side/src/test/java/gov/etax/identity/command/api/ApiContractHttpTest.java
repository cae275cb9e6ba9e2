package gov.etax.identity.command.api;

import static gov.etax.identity.command.support.Problems.assertProblem;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.logIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.support.CommandSideHttpTest;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.StoredEvents;
import gov.etax.identity.kernel.ChineseLabels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract a frontend builds on: the OpenAPI description (names, statuses, codes, formats),
 * the reference list of document types, and problem+json in both languages for every error,
 * including those Spring and Tomcat raise themselves.
 */
class ApiContractHttpTest extends CommandSideHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** POSTs to a collection that answer otherwise than 201, and why. */
    private static final Map<String, String> NOT_CREATING = Map.of(
            "/api/sms-challenges", "202: the code is sent later",
            "/api/password-resets", "changes a password; nothing new to point at",
            "/api/phone-recoveries", "binds an existing phone (201 when newly bound)",
            "/api/tax-authority/person-imports", "a batch: one outcome per row in a 200 report",
            "/api/me/unified-credentials", "chooses which existing province account's credentials become the unified ones");

    private static JsonNode docs;
    private static String person;

    @BeforeAll
    static void start() throws IOException {
        startCommandSide(null);
        docs = JSON.readTree(http.get("/v3/api-docs").raw());
        String phone = phone();
        assertThat(register(http, residentIdNumber(), phone).status()).isEqualTo(201);
        person = logIn(http, phone, "Secret#2024");
    }

    @Test
    @DisplayName("REG-3: the reference list names the eleven document types, in Chinese, and which register online")
    void documentTypes() {
        HttpJson.Response list = http.get("/api/reference/document-types");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(11);
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        list.body().forEach(entry -> byCode.put(entry.get("code").asText(), entry));
        assertThat(byCode.get("RESIDENT_IDENTITY_CARD").get("nameZh").asText()).isEqualTo("居民身份证");
        assertThat(byCode.get("RESIDENT_IDENTITY_CARD").get("onlineRegistrationAllowed").asBoolean()).isTrue();
        for (String foreign : List.of("FOREIGN_PASSPORT", "FOREIGNER_WORK_PERMIT_A", "FOREIGNER_WORK_PERMIT_B",
                "FOREIGNER_WORK_PERMIT_C")) {
            assertThat(byCode.get(foreign).get("onlineRegistrationAllowed").asBoolean()).as(foreign).isFalse();
        }
        assertThat(list.body().findValues("onlineRegistrationAllowed").stream().filter(JsonNode::asBoolean)).hasSize(7);
    }

    @Test
    @DisplayName("ACC-8: a switch without its target is refused and writes nothing; NATURAL_PERSON switches back")
    void switchNamesItsTarget() {
        String personId = JSON.convertValue(decode(person), JsonNode.class).get("sub").asText();
        int before = StoredEvents.types(database, personId).size();
        assertProblem(http.as(person).post("/api/sessions/current/switch", Map.of()), 400, "MISSING_FIELD", null,
                "必填项不能为空");
        assertProblem(http.as(person).post("/api/sessions/current/switch", Map.of("to", "ENTERPRISE")), 400,
                "MISSING_FIELD", null, null);
        assertProblem(http.as(person).post("/api/sessions/current/switch",
                Map.of("to", "NATURAL_PERSON", "uscc", "91330100716105852F")), 400, "MALFORMED_REQUEST", null, null);
        assertProblem(http.as(person).post("/api/sessions/current/switch", Map.of("to", "SOMEWHERE")), 400,
                "MALFORMED_REQUEST", null, null);
        assertThat(StoredEvents.types(database, personId)).hasSize(before);

        HttpJson.Response back = http.as(person).post("/api/sessions/current/switch", Map.of("to", "NATURAL_PERSON"));
        assertThat(back.status()).as(back.raw()).isEqualTo(201);
        assertThat(StoredEvents.types(database, personId)).contains("SessionSwitched");
        person = back.text("accessToken");
    }

    @Test
    void springsOwnErrorsInBothLanguages() throws Exception {
        assertProblem(http.as(person).get("/api/no-such-thing"), 404, "NOT_FOUND_ROUTE", null, "资源不存在");
        assertProblem(send("PUT", "/api/me/phones", "application/json", "{}", null), 405,
                "METHOD_NOT_ALLOWED", null, "不支持该请求方法");
        assertProblem(send("GET", "/api/reference/document-types", null, null, "text/html"), 406,
                "NOT_ACCEPTABLE", null, "无法以请求的格式返回结果");
        assertProblem(send("POST", "/api/sms-challenges", "text/plain", "{}", null), 415,
                "UNSUPPORTED_MEDIA_TYPE", null, "请求内容格式不受支持，请使用JSON");
        assertProblem(send("POST", "/api/sms-challenges", "*/*", "{}", null), 415, "UNSUPPORTED_MEDIA_TYPE", null, null);
        assertProblem(send("POST", "/api/sms-challenges", "multipart/form-data", "{}", null), 415,
                "UNSUPPORTED_MEDIA_TYPE", null, null);
        assertProblem(send("POST", "/api/sms-challenges", "application/json",
                "{\"phone\":\"13800000000\",\"purpose\":\"LOGIN\"}{\"b\":2}", null), 400, "MALFORMED_REQUEST", null,
                "请求格式不正确");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/a%2Fb HTTP/1.1", "GET /api/a%5Cb HTTP/1.1", "GET /api/a%00b HTTP/1.1",
            "TRACE /api/sessions HTTP/1.1", "PROPFIND /api/sessions HTTP/1.1", "GET /api/;x=1/sessions HTTP/1.1",
            "GET /api/LONG HTTP/1.1"})
    void requestsRejectedBeforeSpringAnswerProblemJson(String line) throws IOException {
        String requestLine = line.replace("LONG", "x".repeat(20_000));
        String answer = raw(requestLine);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).startsWith("http/1.1 4");
        assertThat(head).contains("content-type: application/problem+json");
        JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)
                .replaceAll("(?s)^[0-9a-f]+\r\n(.*)\r\n0\r\n\r\n$", "$1"));
        assertThat(body.get("code").asText()).isNotBlank();
        assertThat(body.get("message_zh").asText()).isNotBlank();
    }

    @Test
    @DisplayName("Every request and response schema has its own name; none is a bare Request or Result")
    void uniqueSchemaNames() {
        List<String> names = new ArrayList<>();
        docs.get("components").get("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContain("Request", "Result", "Row", "Report", "Outcome", "Changed", "Confirmed",
                "Recorded", "Collection", "Application", "Sent", "Bound", "Approval");
        assertThat(names).contains("UsernameChangeRequest", "SmsChallengeRequest", "PasswordResetRequest",
                "PasswordChangeRequest", "LegalRepresentativeChangeRequest", "EnterpriseConfirmationRequest",
                "TaxAgencyRequest", "UnifiedCredentialsRequest", "RealNameRaiseRequest", "SessionSwitchRequest");
        assertThat(docs.get("paths").has("/error")).as("/error is not part of the API").isFalse();
    }

    @Test
    @DisplayName("No two request or response types share a schema name (springdoc would merge them silently)")
    void noTwoTypesShareASchemaName() throws ClassNotFoundException {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.web.bind.annotation.RestController.class));
        Map<String, Set<Class<?>>> byName = new java.util.TreeMap<>();
        for (var bean : scanner.findCandidateComponents("gov.etax.identity.command")) {
            for (var method : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                if (!org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(method,
                        org.springframework.web.bind.annotation.RequestMapping.class)) {
                    continue;
                }
                collect(method.getGenericReturnType(), byName);
                for (var parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(org.springframework.web.bind.annotation.RequestBody.class)) {
                        collect(parameter.getParameterizedType(), byName);
                    }
                }
            }
        }
        assertThat(byName).as("schema types").hasSizeGreaterThan(30);
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
                .as("schema names shared by several types").isEmpty();
    }

    /** The records of this application a type refers to, by the schema name springdoc gives each. */
    private static void collect(java.lang.reflect.Type type, Map<String, Set<Class<?>>> byName) {
        if (type instanceof java.lang.reflect.ParameterizedType generic) {
            for (var argument : generic.getActualTypeArguments()) {
                collect(argument, byName);
            }
            return;
        }
        if (!(type instanceof Class<?> raw) || !raw.isRecord() || !raw.getName().startsWith("gov.etax.identity")) {
            return;
        }
        var annotation = raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        String name = annotation != null && !annotation.name().isEmpty() ? annotation.name() : raw.getSimpleName();
        if (byName.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(raw)) {
            for (var component : raw.getRecordComponents()) {
                collect(component.getGenericType(), byName);
            }
        }
    }

    @Test
    @DisplayName("Every operation that creates something documents 201, with Location where the server sends one")
    void creatingOperationsDocument201() {
        List<String> missing = new ArrayList<>();
        docs.get("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().get("post");
            String last = path.getKey().substring(path.getKey().lastIndexOf('/') + 1);
            boolean toCollection = last.endsWith("s") && !last.startsWith("{");
            boolean newSession = last.equals("session") || last.equals("switch");
            if (post != null && (toCollection || newSession) && !NOT_CREATING.containsKey(path.getKey())
                    && !post.get("responses").has("201")) {
                missing.add(path.getKey());
            }
        });
        assertThat(missing).as("POSTs that create something but document no 201").isEmpty();
        for (String path : List.of("/api/persons/registrations", "/api/enterprises/{uscc}/staff",
                "/api/enterprises/{uscc}/tax-agents")) {
            assertThat(docs.at("/paths/" + path.replace("/", "~1") + "/post/responses/201/headers/Location").isMissingNode())
                    .as(path).isFalse();
        }
    }

    @Test
    @DisplayName("Each operation lists the problem codes it can answer: REG-3 under registration, MISSING_FIELD under the switch")
    void problemCodesPerOperation() {
        JsonNode registration = docs.at("/paths/~1api~1persons~1registrations/post/responses");
        assertThat(codes(registration.get("422"))).contains("DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION");
        assertThat(codes(registration.get("400"))).contains("INVALID_DOCUMENT_TYPE", "INVALID_PHONE", "MALFORMED_REQUEST");
        assertThat(registration.get("422").at("/content/application~1problem+json/schema/$ref").asText())
                .endsWith("/Problem");
        JsonNode switching = docs.at("/paths/~1api~1sessions~1current~1switch/post/responses");
        assertThat(codes(switching.get("400"))).contains("MISSING_FIELD");
        assertThat(codes(switching.get("403"))).contains("NO_RELATIONSHIP_WITH_ENTERPRISE", "ACCESS_DENIED");
        assertThat(codes(switching.get("401"))).contains("AUTHENTICATION_REQUIRED");
        assertThat(codes(docs.at("/paths/~1api~1sms-challenges/post/responses/415"))).contains("UNSUPPORTED_MEDIA_TYPE");
        // What the command gateway answers for the command's target: a missing authorization, a race lost every time.
        JsonNode confirmation = docs.at("/paths/~1api~1authorizations~1{authorizationId}~1confirmation/post/responses");
        assertThat(codes(confirmation.get("404"))).contains("AUTHORIZATION_NOT_FOUND");
        assertThat(codes(confirmation.get("409"))).contains("AUTHORIZATION_NOT_PENDING", "CONCURRENT_CHANGE");
    }

    @Test
    @DisplayName("Codes carry their Chinese names; identifiers their patterns")
    void vocabularyAndFormats() {
        JsonNode registration = docs.at("/components/schemas/RegistrationApplication/properties");
        assertThat(registration.at("/documentType/$ref").asText()).endsWith("/DocumentType");
        assertThat(docs.at("/components/schemas/DocumentType/enum")).hasSize(11);
        assertThat(docs.at("/components/schemas/DocumentType/x-enum-descriptions").toString()).contains("居民身份证", "外国护照");
        assertThat(registration.at("/phone/pattern").asText()).isEqualTo("^1[3-9]\\d{9}$");
        assertThat(registration.at("/documentNumber/example").asText()).isNotBlank();
        assertThat(docs.at("/components/schemas/CompetentAuthoritySwitch/properties/competentAuthority/pattern").asText())
                .isEqualTo("^\\d{11}$");
        assertThat(docs.at("/components/schemas/EnterpriseConfirmationRequest/properties/uscc/pattern").asText())
                .isNotBlank();
        JsonNode nomination = docs.at("/components/schemas/StaffNominationRequest/properties");
        assertThat(nomination.at("/role/$ref").asText()).endsWith("/RelationshipRole");
        assertThat(nomination.at("/scopes/items/$ref").asText()).endsWith("/FunctionSet");
        assertThat(docs.at("/components/schemas/RelationshipRole/x-enum-descriptions").toString()).contains("办税员", "开票员");
        assertThat(docs.at("/components/schemas/FunctionSet/x-enum-descriptions").toString()).contains("税费申报");
        for (Class<? extends Enum<?>> type : ChineseLabels.enums()) {
            assertThat(ChineseLabels.of(type).values()).as(type.getSimpleName()).doesNotContainNull();
        }
    }

    private static Set<String> codes(JsonNode response) {
        Set<String> codes = new java.util.TreeSet<>();
        response.path("x-problem-codes").forEach(code -> codes.add(code.get("code").asText()));
        return codes;
    }

    private static Map<?, ?> decode(String token) {
        try {
            return JSON.readValue(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpJson.Response send(String method, String path, String contentType, String body, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .header("Authorization", "Bearer " + person)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        return new HttpJson.Response(response.statusCode(), type,
                type.contains("json") ? JSON.readTree(response.body()) : null, response.body(), response.headers());
    }

    /** A request line sent as it is, bypassing any client's own checks; answers the whole response. */
    private static String raw(String requestLine) throws IOException {
        URI base = URI.create(http.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
