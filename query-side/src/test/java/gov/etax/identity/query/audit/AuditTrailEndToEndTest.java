package gov.etax.identity.query.audit;

import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.byDocument;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.support.QuerySideNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The auditors' endpoints black-box over HTTP: a command node and a query node on one PostgreSQL.
 * One story is played once: staff confirm company A with Xiao Ming as legal representative, he
 * nominates Xiao Wang as tax officer, Xiao Wang confirms, Xiao Ming removes him (ACC-6), nominates
 * him again and Xiao Wang confirms again. The instants between the steps are kept for the
 * point-in-time questions.
 */
class AuditTrailEndToEndTest {

    private static final String PASSWORD = "Secret#2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static HttpJson commands;
    private static HttpJson asAuditor;
    private static String staff;

    private static Person xiaoMing;
    private static Person xiaoWang;
    private static String companyA;
    private static String firstGrant;
    private static String secondGrant;
    /** before the enterprise; confirmed; nominated; in force; removed; nominated again; in force again. */
    private static Instant beforeAll;
    private static Instant confirmed;
    private static Instant nominated;
    private static Instant inForce;
    private static Instant removed;
    private static Instant nominatedAgain;
    private static Instant inForceAgain;

    record Person(String personId, String document, String phone) {
    }

    @BeforeAll
    static void playTheStory() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http());
        commands = commandNode.http();
        asAuditor = queryNode.http().as(staffToken(commands, "AUDITOR"));
        staff = staffToken(commands, "TAX_STAFF");

        xiaoMing = registered();
        xiaoWang = registered();
        beforeAll = Instant.now();
        companyA = uscc();
        HttpJson.Response enterprise = commands.as(staff).post("/api/tax-authority/enterprises", Map.of(
                "uscc", companyA, "name", "A公司",
                "legalRepresentative", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                        "documentNumber", xiaoMing.document(), "name", "王小明")));
        assertThat(enterprise.status()).as(enterprise.raw()).isEqualTo(201);
        confirmed = Instant.now();

        String ming = faceSession(xiaoMing, companyA, "LEGAL_REPRESENTATIVE");
        firstGrant = nominate(ming, xiaoWang);
        nominated = Instant.now();
        String wang = faceSession(xiaoWang, null, null);
        assertThat(commands.as(wang).post("/api/authorizations/" + firstGrant + "/confirmation", Map.of()).status())
                .isEqualTo(200);
        inForce = Instant.now();
        HttpJson.Response removal = commands.as(ming).delete("/api/enterprises/" + companyA + "/staff/" + firstGrant
                + "?reason=DUTIES_CHANGED");
        assertThat(removal.status()).as(removal.raw()).isEqualTo(204);
        removed = Instant.now();
        secondGrant = nominate(ming, xiaoWang);
        nominatedAgain = Instant.now();
        assertThat(commands.as(wang).post("/api/authorizations/" + secondGrant + "/confirmation", Map.of()).status())
                .isEqualTo(200);
        inForceAgain = Instant.now();
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("ACC-6, ACC-3: who held which role in the enterprise before, during and after a relationship, across a revoke and re-grant")
    void enterpriseRelationshipsAtInstants() {
        assertThat(rolesAt(companyA, beforeAll)).isEmpty();
        assertThat(rolesAt(companyA, confirmed)).containsExactly("LEGAL_REPRESENTATIVE " + xiaoMing.personId());
        assertThat(rolesAt(companyA, nominated)).as("a pending nomination holds no role")
                .containsExactly("LEGAL_REPRESENTATIVE " + xiaoMing.personId());
        assertThat(rolesAt(companyA, inForce)).containsExactly("LEGAL_REPRESENTATIVE " + xiaoMing.personId(),
                "TAX_OFFICER " + xiaoWang.personId());
        assertThat(rolesAt(companyA, removed)).containsExactly("LEGAL_REPRESENTATIVE " + xiaoMing.personId());
        assertThat(rolesAt(companyA, nominatedAgain)).containsExactly("LEGAL_REPRESENTATIVE " + xiaoMing.personId());
        assertThat(rolesAt(companyA, inForceAgain)).containsExactly("LEGAL_REPRESENTATIVE " + xiaoMing.personId(),
                "TAX_OFFICER " + xiaoWang.personId());

        JsonNode during = relationship(relationships("/api/audit/enterprises/" + companyA + "/relationships?at=" + inForce),
                firstGrant);
        assertThat(during.get("holder").get("documentNumber").asText()).isEqualTo(xiaoWang.document());
        assertThat(during.get("granted").get("by").asText()).isEqualTo(xiaoMing.personId());
        assertThat(during.get("granted").get("as").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(during.get("confirmed").get("by").asText()).isEqualTo(xiaoWang.personId());
        assertThat(Instant.parse(during.get("confirmed").get("at").asText())).isBetween(nominated, inForce);
        JsonNode ended = during.get("ended");
        assertThat(ended.get("how").asText()).isEqualTo("REVOKED");
        assertThat(ended.get("by").asText()).isEqualTo(xiaoMing.personId());
        assertThat(ended.get("side").asText()).isEqualTo("ENTERPRISE");
        assertThat(ended.get("reason").asText()).isEqualTo("DUTIES_CHANGED");
        assertThat(Instant.parse(ended.get("at").asText())).isBetween(inForce, removed);
        assertThat(ended.get("metadata").get("actingRole").asText()).isEqualTo("LEGAL_REPRESENTATIVE");

        JsonNode lr = relationship(relationships("/api/audit/enterprises/" + companyA + "/relationships?at=" + inForce),
                null);
        assertThat(lr.get("granted").get("by").asText()).isEqualTo("staff-tax_staff");
        assertThat(lr.get("holder").get("name").asText()).isEqualTo("王小明");
        assertThat(lr.has("ended")).isFalse();
    }

    @Test
    @DisplayName("ACC-6: without an instant, both periods of a relationship revoked and granted again are shown")
    void bothPeriods() {
        JsonNode all = relationships("/api/audit/enterprises/" + companyA + "/relationships");
        List<String> grants = new ArrayList<>();
        all.forEach(r -> grants.add(r.get("authorizationId").asText()));
        assertThat(grants).endsWith(firstGrant, secondGrant);
        JsonNode first = relationship(all, firstGrant);
        JsonNode second = relationship(all, secondGrant);
        assertThat(Instant.parse(first.get("inForceUntil").asText()))
                .isBeforeOrEqualTo(Instant.parse(second.get("inForceFrom").asText()));
        assertThat(second.has("ended")).isFalse();
        assertThat(second.get("inForceUntil").asText()).as("the end of validity, 00:00 China Standard Time after it")
                .isEqualTo(LocalDate.parse(second.get("validUntil").asText()).plusDays(1)
                        .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString());
    }

    @Test
    @DisplayName("ACC-7, ACC-6: the same per person, at instants before, during and after each period")
    void personRelationshipsAtInstants() {
        String path = "/api/audit/persons/" + xiaoWang.personId() + "/relationships";
        assertThat(grantsAt(path, nominated)).isEmpty();
        assertThat(grantsAt(path, inForce)).containsExactly(firstGrant);
        assertThat(grantsAt(path, removed)).isEmpty();
        assertThat(grantsAt(path, inForceAgain)).containsExactly(secondGrant);
        assertThat(relationships(path)).hasSize(2);

        String ming = "/api/audit/persons/" + xiaoMing.personId() + "/relationships";
        assertThat(grantsAt(ming, beforeAll)).isEmpty();
        assertThat(relationships(ming + "?at=" + confirmed).get(0).get("role").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
    }

    @Test
    @DisplayName("ACC-6: the event history of an enterprise streams as NDJSON in global order, personal data opened, with who acted")
    void eventsAsNdjson() {
        HttpJson.Response answer = asAuditor.get("/api/audit/events?uscc=" + companyA);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(answer);
        assertThat(lines).extracting(line -> line.get("eventType").asText()).containsExactly(
                "LegalRepresentativeBound", "EnterpriseTaxInformationConfirmed", "LoginSucceeded",
                "StaffNominated", "AuthorizationConfirmed", "RelationshipRevoked",
                "StaffNominated", "AuthorizationConfirmed");
        assertThat(lines).extracting(line -> line.get("globalIndex").asLong()).isSorted();

        JsonNode enterprise = lines.get(1);
        assertThat(enterprise.get("aggregateType").asText()).isEqualTo("Enterprise");
        assertThat(enterprise.get("metadata").get("actorType").asText()).isEqualTo("STAFF");
        assertThat(enterprise.get("metadata").get("actorId").asText()).isEqualTo("staff-tax_staff");
        assertThat(enterprise.get("metadata").get("staffRole").asText()).isEqualTo("TAX_STAFF");
        assertThat(enterprise.get("metadata").get("channel").asText()).isEqualTo("web");
        assertThat(enterprise.get("metadata").get("traceId").asText()).isNotBlank();

        JsonNode bound = lines.get(0);
        assertThat(bound.get("payload").get("holderDocumentNumber").asText()).isEqualTo(xiaoMing.document());
        assertThat(bound.get("payload").get("holderName").asText()).isEqualTo("王小明");
        assertThat(bound.get("metadata").get("traceId").asText())
                .as("caused by the same command").isEqualTo(enterprise.get("metadata").get("traceId").asText());

        JsonNode nomination = lines.get(3);
        assertThat(nomination.get("aggregateId").asText()).isEqualTo(firstGrant);
        assertThat(nomination.get("payload").get("holderDocumentNumber").asText()).isEqualTo(xiaoWang.document());
        JsonNode actor = nomination.get("metadata");
        assertThat(actor.get("actorType").asText()).isEqualTo("PERSON");
        assertThat(actor.get("actorId").asText()).isEqualTo(xiaoMing.personId());
        assertThat(actor.get("sessionId").asText()).startsWith("session-");
        assertThat(actor.get("actingForEnterprise").asText()).isEqualTo(companyA);
        assertThat(actor.get("actingRole").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(actor.get("channel").asText()).isEqualTo("web");
        assertThat(actor.get("correlationId").asText()).as("the causing command's id").isNotBlank();

        JsonNode confirmation = lines.get(4);
        assertThat(confirmation.get("metadata").get("actorId").asText()).isEqualTo(xiaoWang.personId());
        assertThat(confirmation.get("metadata").has("actingForEnterprise")).isFalse();
        assertThat(answer.raw()).doesNotContain("ciphertext");
    }

    @Test
    @DisplayName("ACC-6: filters by time range, person and authorization combine")
    void filters() {
        List<JsonNode> window = lines(asAuditor.get("/api/audit/events?uscc=" + companyA + "&from=" + nominated + "&to=" + inForce));
        assertThat(window).extracting(line -> line.get("eventType").asText()).containsExactly("AuthorizationConfirmed");

        List<JsonNode> wang = lines(asAuditor.get("/api/audit/events?personId=" + xiaoWang.personId()));
        assertThat(wang.get(0).get("eventType").asText()).isEqualTo("NaturalPersonRegistered");
        assertThat(wang.get(0).get("payload").get("documentNumber").asText()).isEqualTo(xiaoWang.document());
        assertThat(wang.get(0).get("payload").get("phone").asText()).isEqualTo(xiaoWang.phone());
        assertThat(wang.get(0).get("metadata").get("actorType").asText()).isEqualTo("ANONYMOUS");
        assertThat(wang).extracting(line -> line.get("aggregateId").asText()).contains(firstGrant, secondGrant)
                .doesNotContain(xiaoMing.personId());

        List<JsonNode> second = lines(asAuditor.get("/api/audit/events?authorizationId=" + secondGrant
                + "&personId=" + xiaoWang.personId()));
        assertThat(second).extracting(line -> line.get("eventType").asText())
                .containsExactly("StaffNominated", "AuthorizationConfirmed");

        assertThat(asAuditor.get("/api/audit/events?from=" + inForce + "&to=" + nominated).text("code"))
                .isEqualTo("INVALID_TIME_RANGE");
        assertThat(asAuditor.get("/api/audit/events?from=yesterday").text("code")).isEqualTo("INVALID_INSTANT");
        assertThat(asAuditor.get("/api/audit/events?personId=" + companyA).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("ACC-6, ACC-5: the whole story of one authorization, opened, in order, with who acted")
    void authorizationStory() {
        HttpJson.Response story = asAuditor.get("/api/audit/authorizations/" + firstGrant);
        assertThat(story.status()).as(story.raw()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        story.body().get("events").forEach(event -> {
            types.add(event.get("eventType").asText());
            actors.add(event.get("metadata").get("actorId").asText());
        });
        assertThat(types).containsExactly("StaffNominated", "AuthorizationConfirmed", "RelationshipRevoked");
        assertThat(actors).containsExactly(xiaoMing.personId(), xiaoWang.personId(), xiaoMing.personId());
        assertThat(story.body().get("events").get(0).get("payload").get("holderDocumentNumber").asText())
                .isEqualTo(xiaoWang.document());
        assertThat(story.body().get("relationship").get("ended").get("reason").asText()).isEqualTo("DUTIES_CHANGED");

        HttpJson.Response unknown = asAuditor.get("/api/audit/authorizations/authorization-00000000-0000-4000-8000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("AUTHORIZATION_NOT_FOUND");
    }

    @Test
    @DisplayName("REG-2: a forgotten person's data shows as erased; the history itself stays")
    void forgottenSubject() throws Exception {
        Person forgotten = registered();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> asAuditor.get("/api/persons/" + forgotten.personId() + "/account").status() == 200);
        try (Connection connection = database.connect();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM personal_data_key WHERE subject_id = ?")) {
            delete.setString(1, forgotten.personId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        List<JsonNode> lines = lines(asAuditor.get("/api/audit/events?personId=" + forgotten.personId()));
        JsonNode registration = lines.get(0).get("payload");
        assertThat(registration.get("name").asText()).isEqualTo(OpenedEvents.ERASED);
        assertThat(registration.get("documentNumber").asText()).isEqualTo(OpenedEvents.ERASED);
        assertThat(registration.get("personId").get("value").asText()).isEqualTo(forgotten.personId());
    }

    @Test
    @DisplayName("REG-2, ACC-6: the whole history, every event once in order, each person's data opened with its own key or shown erased")
    void wholeHistory() throws Exception {
        Person forgotten = registered();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> asAuditor.get("/api/persons/" + forgotten.personId() + "/account").status() == 200);
        long stored;
        try (Connection connection = database.connect();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM personal_data_key WHERE subject_id = ?");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domainevententry")) {
            delete.setString(1, forgotten.personId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
            var rows = count.executeQuery();
            rows.next();
            stored = rows.getLong(1);
        }
        HttpJson.Response answer = asAuditor.get("/api/audit/events");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<JsonNode> lines = lines(answer);
        assertThat(lines).hasSize((int) stored);
        assertThat(lines).extracting(line -> line.get("globalIndex").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(answer.raw()).doesNotContain("ciphertext");
        Map<String, String> documents = new HashMap<>();
        lines.stream().filter(line -> line.get("eventType").asText().equals("NaturalPersonRegistered")).forEach(line ->
                documents.put(line.get("aggregateId").asText(), line.get("payload").get("documentNumber").asText()));
        assertThat(documents).containsEntry(xiaoMing.personId(), xiaoMing.document())
                .containsEntry(xiaoWang.personId(), xiaoWang.document())
                .containsEntry(forgotten.personId(), OpenedEvents.ERASED);
    }

    @Test
    @DisplayName("Auditors only: a person and tax staff are refused, anonymous callers must authenticate")
    void auditorsOnly() {
        String person = faceSession(xiaoWang, null, null);
        for (String path : List.of("/api/audit/events", "/api/audit/authorizations/" + firstGrant,
                "/api/audit/enterprises/" + companyA + "/relationships", "/api/audit/persons/" + xiaoWang.personId()
                        + "/relationships")) {
            HttpJson.Response asPerson = queryNode.http().as(person).get(path);
            assertThat(asPerson.status()).isEqualTo(403);
            assertThat(asPerson.text("code")).isEqualTo("ACCESS_DENIED");
            assertThat(queryNode.http().as(staff).get(path).status()).isEqualTo(403);
            assertThat(queryNode.http().get(path).status()).isEqualTo(401);
            assertThat(asAuditor.get(path).status()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> rolesAt(String uscc, Instant at) {
        List<String> roles = new ArrayList<>();
        relationships("/api/audit/enterprises/" + uscc + "/relationships?at=" + at).forEach(r ->
                roles.add(r.get("role").asText() + " " + r.get("holder").path("personId").asText()));
        return roles;
    }

    private static List<String> grantsAt(String path, Instant at) {
        List<String> grants = new ArrayList<>();
        relationships(path + "?at=" + at).forEach(r -> grants.add(r.get("authorizationId").asText()));
        return grants;
    }

    private static JsonNode relationships(String path) {
        HttpJson.Response answer = asAuditor.get(path);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().get("relationships");
    }

    /** The relationship of that authorization, or (null) the legal representative's. */
    private static JsonNode relationship(JsonNode relationships, String authorizationId) {
        for (JsonNode relationship : relationships) {
            if (authorizationId == null ? relationship.get("role").asText().equals("LEGAL_REPRESENTATIVE")
                    : relationship.get("authorizationId").asText().equals(authorizationId)) {
                return relationship;
            }
        }
        throw new AssertionError("no relationship " + authorizationId + " in " + relationships);
    }

    private static List<JsonNode> lines(HttpJson.Response answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : answer.raw().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    private static Person registered() {
        String document = residentIdNumber();
        String phone = phone();
        HttpJson.Response registered = register(commands, document, phone);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return new Person(registered.text("personId"), document, phone);
    }

    private static String nominate(String session, Person nominee) {
        HttpJson.Response nominated = commands.as(session).post("/api/enterprises/" + companyA + "/staff", Map.of(
                "documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", nominee.document(),
                "role", "TAX_OFFICER", "taxOfficerIdentity", "MAIN", "validUntil", LocalDate.now().plusYears(1).toString()));
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
        return nominated.text("authorizationId");
    }

    /** Logs in with password and face scan, at the enterprise entry when {@code uscc} is given. */
    private static String faceSession(Person person, String uscc, String role) {
        Map<String, Object> body = new HashMap<>(byDocument(person.document(), PASSWORD));
        body.put("faceVerificationToken", faceToken(commands, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        if (uscc != null) {
            body.put("entry", "ENTERPRISE");
            body.put("uscc", uscc);
        }
        if (role != null) {
            body.put("role", role);
        }
        HttpJson.Response session = commands.post("/api/sessions", body);
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        return session.text("accessToken");
    }
}
