package gov.etax.identity.query.api;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.logIn;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.support.QuerySideNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * Both applications' OpenAPI documents, read from the running applications: a client generated
 * from them compiles, and they drive a fuzz test. Its malformed requests come from the documents:
 * broken and trailing JSON, wrong types, missing and unknown fields, odd path variables and query
 * parameters, odd content types, bad tokens. Every request is malformed, so none may change
 * anything: no 500, every error a problem+json with a code, and not one event written.
 */
class ApiDescriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Bounds the run: generation stops at this many requests or after this long, whichever comes first. */
    private static final int MAX_REQUESTS = Integer.getInteger("fuzz.requests", 4000);
    private static final Duration MAX_DURATION = Duration.ofSeconds(Long.getLong("fuzz.seconds", 60));

    private static final List<String> ODD_PATH_VALUES = List.of("x", "0", "-1", "%00", "%2F", "%5C", "..", "%20",
            "person-", "'%20OR%201=1--", "%E4%B8%AD%E6%96%87", "a".repeat(300), "9".repeat(40), "%25", "null",
            "91330100716105852F%00", "login-ticket-%FF");
    private static final List<String> ODD_QUERY_VALUES = List.of("", "-1", "0", "101", "abc", "1e9", "%00",
            "9999999999999999999", "2024-13-45", "+10000-01-01T00:00:00Z", "%FF", "null", "true",
            cursor("+10000-01-01T00:00:00Z\u001fx"), cursor("2024-01-01T00:00:00Z\u001f\u0000"), cursor("\u0000"),
            cursor("a\u001fb\u001fc\u001fd"), cursor("0\u001f\u0000\u001fx\u001fy"));
    private static final List<String> ODD_CONTENT_TYPES = List.of("*/*", "application/*", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/json;charset=nope", "garbage",
            "application/json, text/plain", "");
    private static final List<String> BROKEN_BODIES = List.of("", "{", "}", "[]", "null", "0", "\"x\"", "true",
            "{\"a\":1}{\"b\":2}", "{} {}", "{\"a\":1} x", "[{}]", "{\"\":\"\"}", "\u0000", "{\"a\":\"\\u0000\"}",
            "{\"a\":" + "[".repeat(2000) + "}", "\uFEFF{}", "{'a':1}");
    private static final List<Object> WRONG_VALUES = List.of(12345, -1, 1.5e308, true, List.of(), List.of("x", 1),
            Map.of("x", 1), "", " ", "\u0000", "x", "中文名字\uD83D\uDE00", "a".repeat(5000), "<script>",
            "' OR 1=1 --", "9999-99-99", "+10000-01-01T00:00:00Z", "NATURAL_PERSON_", "%00");
    /**
     * Kept under Tomcat's 8 KB header limit: past it Tomcat answers 400 and closes the connection, a
     * client still sending its body may see no answer at all (the raw request tests of the command
     * side cover overlong requests).
     */
    private static final List<String> BAD_TOKENS = List.of("Bearer", "Bearer ", "Bearer x.y.z", "Basic YTpi",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer " + "a".repeat(6000));

    private static PostgresTestDatabase database;
    private static CommandSideNode commandSide;
    private static QuerySideNode querySide;
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandSide = CommandSideNode.start(database);
        querySide = QuerySideNode.start(database, commandSide.http());
        String phone = phone();
        assertThat(register(commandSide.http(), residentIdNumber(), phone).status()).isEqualTo(201);
        TOKENS.put("person", logIn(commandSide.http(), phone, "Secret#2024"));
        for (String role : List.of("TAX_STAFF", "AUDITOR", "OPERATOR")) {
            TOKENS.put(role, staffToken(commandSide.http(), role));
        }
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (database != null) {
            database.close();
        }
    }

    record Operation(String base, String method, String path, JsonNode operation, JsonNode document) {
        boolean hasBody() {
            return operation.has("requestBody");
        }

        boolean hasPathVariables() {
            return path.contains("{");
        }
    }

    record Sent(Operation operation, String description, HttpRequest request) {
    }

    record Answer(Sent sent, int status, String contentType, String body) {
    }

    @Test
    void aClientGeneratedFromBothDocumentsCompiles() throws Exception {
        Path root = Path.of("target", "openapi-client");
        List<File> sources = new ArrayList<>();
        for (var side : Map.of("command", commandSide.http().baseUrl(), "query", querySide.http().baseUrl()).entrySet()) {
            HttpResponse<String> docs = CLIENT.send(HttpRequest.newBuilder(URI.create(side.getValue() + "/v3/api-docs"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Path spec = Files.createDirectories(root).resolve(side.getKey() + "-side.json");
            Files.writeString(spec, docs.body());
            Path out = root.resolve(side.getKey() + "-side");
            String base = "gov.etax.client." + side.getKey();
            CodegenConfigurator configurator = new CodegenConfigurator()
                    .setGeneratorName("java").setLibrary("native")
                    .setInputSpec(spec.toAbsolutePath().toString()).setOutputDir(out.toAbsolutePath().toString())
                    .setInvokerPackage(base).setApiPackage(base + ".api").setModelPackage(base + ".model")
                    .addAdditionalProperty("useJakartaEe", true).addAdditionalProperty("openApiNullable", false)
                    .addAdditionalProperty("annotationLibrary", "none")
                    .addAdditionalProperty("hideGenerationTimestamp", true)
                    .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
                    .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
            List<File> generated = new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
            generated.stream().filter(f -> f.getName().endsWith(".java")).forEach(sources::add);
        }
        assertThat(sources).as("generated sources").hasSizeGreaterThan(50);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Path classes = Files.createDirectories(root.resolve("classes"));
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("-d", classes.toString(), "-classpath", classpath, "-proc:none", "-nowarn"), null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(compiled).as(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).limit(20)
                    .map(d -> d.getSource() + ":" + d.getLineNumber() + " " + d.getMessage(null))
                    .collect(java.util.stream.Collectors.joining("\n"))).isTrue();
        }
    }

    @Test
    void forgedCursorsAreRefusedNotFailed() {
        var me = querySide.http().as(TOKENS.get("person"));
        for (String path : List.of("/api/me/history?cursor=" + cursor("+10000-01-01T00:00:00Z\u001frecord"),
                "/api/me/history?cursor=" + cursor("2024-01-01T00:00:00Z\u001f\u0000"),
                "/api/me/enterprises?cursor=" + cursor("91330100716105852F\u001f\u0000"),
                "/api/me/authorizations?cursor=" + cursor("0\u001f\u0000\u001fTAX_OFFICER\u001fx"))) {
            var answer = me.get(path);
            assertThat(answer.status()).as(path + " " + answer.raw()).isEqualTo(400);
            assertThat(answer.text("code")).isEqualTo("INVALID_CURSOR");
        }
    }

    @Test
    void malformedRequestsNeverFailTheServerNorWriteAnEvent() throws Exception {
        List<Operation> operations = new ArrayList<>();
        operations.addAll(operations(commandSide.http().baseUrl()));
        operations.addAll(operations(querySide.http().baseUrl()));
        assertThat(operations).as("operations in both OpenAPI documents").hasSizeGreaterThan(40);

        long eventsBefore = events();
        Random random = new Random(20_241_130L);
        Iterator<Sent> requests = new Iterator<>() {
            int index;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Sent next() {
                Operation operation = operations.get(index++ % operations.size());
                return malformed(operation, random);
            }
        };

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + MAX_DURATION.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            workers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    Sent next;
                    synchronized (requests) {
                        if (sent.get() >= MAX_REQUESTS) {
                            return;
                        }
                        sent.incrementAndGet();
                        next = requests.next();
                    }
                    try {
                        HttpResponse<String> response = CLIENT.send(next.request(), HttpResponse.BodyHandlers.ofString());
                        answers.add(new Answer(next, response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(""), response.body()));
                    } catch (Exception e) {
                        failures.add(next.description() + ": " + e);
                    }
                }
            });
        }
        workers.shutdown();
        assertThat(workers.awaitTermination(MAX_DURATION.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("ApiDescriptionTest: %d malformed requests over %d operations in %.1f s%n",
                answers.size() + failures.size(), operations.size(), took.toMillis() / 1000.0);

        List<String> serverErrors = answers.stream().filter(a -> a.status() >= 500).map(ApiDescriptionTest::describe).toList();
        List<String> notProblems = answers.stream().filter(a -> a.status() >= 400 && !isProblemWithCode(a))
                .map(ApiDescriptionTest::describe).toList();
        long eventsAfter = events();
        List<String> written = eventsSince(eventsBefore);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(failures).as("requests the server did not answer").isEmpty();
            softly.assertThat(answers.size()).as("requests answered").isGreaterThanOrEqualTo(Math.min(MAX_REQUESTS, 1000));
            softly.assertThat(serverErrors).as("500s").isEmpty();
            softly.assertThat(notProblems).as("errors without problem+json, a code and message_zh").isEmpty();
            softly.assertThat(eventsAfter).as("events written by malformed requests: " + written)
                    .isEqualTo(eventsBefore);
        });
    }

    private static String describe(Answer answer) {
        String body = answer.body() == null ? "" : answer.body();
        return answer.sent().description() + " -> " + answer.status() + " " + answer.contentType() + " "
                + body.substring(0, Math.min(body.length(), 300));
    }

    private static boolean isProblemWithCode(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.hasNonNull("code") && body.hasNonNull("message") && body.hasNonNull("message_zh");
        } catch (Exception e) {
            return false;
        }
    }

    private static List<Operation> operations(String base) throws Exception {
        HttpResponse<String> docs = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(docs.body());
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            operations.add(new Operation(base, method.getKey().toUpperCase(), path.getKey(), method.getValue(), document));
        }));
        return operations;
    }

    /**
     * Operations without a body, path variable or query parameter have no input to get wrong but the
     * caller's token: a well-formed call to them (log out) is valid, so they get bad tokens only; so
     * does the live stream, which a well-formed call keeps open.
     */
    private static boolean onlyTokenCanBeWrong(Operation operation) {
        return !operation.hasBody() && !operation.hasPathVariables() && !operation.operation().has("parameters")
                || operation.path().endsWith("/stream");
    }

    private static Sent malformed(Operation operation, Random random) {
        int kind = onlyTokenCanBeWrong(operation) ? 0 : random.nextInt(operation.hasBody() ? 7 : 3);
        String path = concrete(operation.path(), random, kind == 1);
        String query = kind == 2 || (!operation.hasBody() && random.nextBoolean()) ? oddQuery(operation, random) : "";
        String authorization = kind == 0 ? badToken(operation, random) : tokenFor(operation);
        String contentType = "application/json";
        String body = null;
        String description;
        switch (kind) {
            case 0 -> description = "bad token";
            case 1 -> description = "odd path variable";
            case 2 -> description = "odd query " + query;
            case 3 -> {
                contentType = pick(ODD_CONTENT_TYPES, random);
                body = "{}";
                description = "content type '" + contentType + "'";
            }
            case 4 -> {
                body = pick(BROKEN_BODIES, random);
                description = "broken body";
            }
            case 5 -> {
                body = wrongTypes(operation, random);
                description = "wrong types";
            }
            default -> {
                body = missingAndUnknownFields(operation, random);
                description = "missing and unknown fields";
            }
        }
        if (operation.hasBody() && body == null) {
            body = wrongTypes(operation, random);
        }
        URI uri = URI.create(operation.base() + path + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        request.method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String shown = body == null ? "" : " " + body.substring(0, Math.min(body.length(), 120));
        return new Sent(operation, operation.method() + " " + uri + " [" + description + "]" + shown, request.build());
    }

    /**
     * A token no issuer signed. Operations open to anonymous callers get only bearer tokens: the
     * security layer refuses those everywhere, while a Basic header there is simply no token at all.
     */
    private static String badToken(Operation operation, Random random) {
        List<String> tokens = tokenFor(operation) == null
                ? BAD_TOKENS.stream().filter(t -> t.startsWith("Bearer")).toList() : BAD_TOKENS;
        return pick(tokens, random);
    }

    /** The caller the security table lets through, so that the request reaches the endpoint's own checks. */
    private static String tokenFor(Operation operation) {
        String path = operation.path();
        String role;
        if (path.startsWith("/api/tax-authority")) {
            role = "TAX_STAFF";
        } else if (path.startsWith("/api/audit") || path.startsWith("/api/persons/{personId}/account")) {
            role = "AUDITOR";
        } else if (path.startsWith("/api/admin")) {
            role = "OPERATOR";
        } else if (path.startsWith("/api/me") || path.startsWith("/api/sessions/current")
                || path.startsWith("/api/enterprises") || path.startsWith("/api/authorizations")
                || path.startsWith("/api/special-subject")) {
            role = "person";
        } else {
            return null;
        }
        return "Bearer " + TOKENS.get(role);
    }

    private static String concrete(String path, Random random, boolean odd) {
        StringBuilder concrete = new StringBuilder();
        int at = 0;
        while (true) {
            int open = path.indexOf('{', at);
            if (open < 0) {
                break;
            }
            int close = path.indexOf('}', open);
            concrete.append(path, at, open).append(odd ? pick(ODD_PATH_VALUES, random) : "x" + random.nextInt(1000));
            at = close + 1;
        }
        return concrete.append(path.substring(at)).toString();
    }

    private static String oddQuery(Operation operation, Random random) {
        JsonNode parameters = operation.operation().get("parameters");
        List<String> names = new ArrayList<>();
        if (parameters != null) {
            parameters.forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    names.add(p.get("name").asText());
                }
            });
        }
        names.add("unknown");
        StringBuilder query = new StringBuilder("?");
        for (String name : names) {
            if (random.nextInt(3) > 0) {
                query.append(name).append('=').append(pick(ODD_QUERY_VALUES, random)).append('&');
            }
        }
        return query.toString();
    }

    private static String wrongTypes(Operation operation, Random random) {
        JsonNode schema = bodySchema(operation);
        if (schema.has("items")) {
            return "[" + wrongObject(resolve(operation.document(), schema.get("items")), operation, random) + "]";
        }
        return wrongObject(schema, operation, random);
    }

    /**
     * Every field a value of a random type, and at least one of the wrong structure (a list where a
     * value belongs, an object where a list does), which no field accepts: the body is malformed
     * whatever the other fields hold.
     */
    private static String wrongObject(JsonNode schema, Operation operation, Random random) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        names.forEach(name -> body.put(name, pick(WRONG_VALUES, random)));
        if (names.isEmpty()) {
            return "[1]";
        }
        String broken = names.get(random.nextInt(names.size()));
        boolean list = "array".equals(resolve(operation.document(), schema.path("properties").path(broken)).path("type").asText());
        body.put(broken, list ? Map.of("not", "a list") : List.of("not", "a value"));
        return write(body);
    }

    /** None of the fields, and one nobody asked for. */
    private static String missingAndUnknownFields(Operation operation, Random random) {
        String body = write(Map.of("unexpected" + random.nextInt(10), pick(WRONG_VALUES, random)));
        return bodySchema(operation).has("items") ? "[" + body + "]" : body;
    }

    private static JsonNode bodySchema(Operation operation) {
        JsonNode content = operation.operation().path("requestBody").path("content");
        JsonNode media = content.has("application/json") ? content.get("application/json") : content.elements().next();
        return resolve(operation.document(), media.path("schema"));
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> eventsSince(long count) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payloadtype, convert_from(payload, 'UTF8') "
                     + "FROM domainevententry ORDER BY globalindex OFFSET " + count)) {
            while (rows.next()) {
                events.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return events;
    }

    private static long events() throws Exception {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
