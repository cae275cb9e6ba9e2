package gov.etax.identity.query.security;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.query.support.QuerySideNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the table in docs/security.md: every endpoint, called by every kind of caller on the
 * running applications, gets exactly the answer the table gives.
 */
class SecurityTableTest {

    private static final List<String> CALLERS = List.of("anonymous", "person", "TAX_STAFF", "AUDITOR", "OPERATOR");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static PostgresTestDatabase database;
    private static CommandSideNode commandSide;
    private static QuerySideNode querySide;
    private static String document;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandSide = CommandSideNode.start(database);
        querySide = QuerySideNode.start(database, commandSide.http());
        document = residentIdNumber();
        assertThat(register(commandSide.http(), document, phone()).status()).isEqualTo(201);
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

    record Row(String side, String method, String path, List<String> expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointWithEveryCaller() throws IOException {
        List<Row> rows = table();
        assertThat(rows).as("the table in docs/security.md").hasSizeGreaterThan(20);
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                String expected = row.expected().get(i);
                tests.add(DynamicTest.dynamicTest(row.side() + " " + row.method() + " " + row.path() + " as " + caller
                        + " -> " + expected, () -> check(row, caller, expected)));
            }
        }
        return tests.stream();
    }

    private static void check(Row row, String caller, String expected) throws Exception {
        String base = "command".equals(row.side()) ? commandSide.http().baseUrl() : querySide.http().baseUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + concrete(row.path())));
        String token = tokenOf(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
        request.header("Content-Type", "application/json").method(row.method(),
                "GET".equals(row.method()) || "DELETE".equals(row.method()) ? HttpRequest.BodyPublishers.noBody() : body);
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean securityLayer401 = response.statusCode() == 401 && response.headers().firstValue("WWW-Authenticate").isPresent();
        boolean securityLayer403 = response.statusCode() == 403 && response.body().contains("\"code\":\"ACCESS_DENIED\"");
        String answer = response.statusCode() + " " + response.body();
        switch (expected) {
            case "401" -> assertThat(securityLayer401).as(answer).isTrue();
            case "403" -> assertThat(securityLayer403).as(answer).isTrue();
            case "✓" -> {
                assertThat(securityLayer401 || securityLayer403).as(answer).isFalse();
                assertThat(response.statusCode()).as(answer).isLessThan(500);
            }
            default -> throw new IllegalStateException("unknown cell " + expected);
        }
    }

    /** A fresh session per call: some rows (logout) end the session they are called with. */
    private static String tokenOf(String caller) {
        HttpJson http = commandSide.http();
        return switch (caller) {
            case "anonymous" -> null;
            case "person" -> {
                Map<String, Object> body = byDocument(document, "Secret#2024");
                body.put("faceVerificationToken", faceToken(http, "RESIDENT_IDENTITY_CARD", document, "PASSED"));
                yield http.post("/api/sessions", body).text("accessToken");
            }
            default -> staffToken(http, caller);
        };
    }

    private static String concrete(String path) {
        return path.replace("{personId}", PersonId.generate().value())
                .replace("{ticketId}", "login-ticket-unknown")
                .replace("{phone}", "13800000000")
                .replace("{uscc}", uscc())
                .replace("{authorizationId}", AuthorizationId.generate().value())
                .replace("{matterNumber}", "36010018202311160001")
                .replace("{name}", "person-accounts")
                .replace("{recordId}", java.util.UUID.randomUUID().toString());
    }

    private static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "security.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length < 9 || !(cells[1].trim().equals("command") || cells[1].trim().equals("query"))) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (int i = 4; i < 9; i++) {
                expected.add(cells[i].trim());
            }
            rows.add(new Row(cells[1].trim(), cells[2].trim(), cells[3].trim(), expected));
        }
        return rows;
    }
}
