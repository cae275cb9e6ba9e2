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

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.admin.ProjectionMonitor;
import gov.etax.identity.query.support.QuerySideNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit index and the relationship periods against their definition: the scans over the whole
 * event store (AuditTrail's {@code scan...} methods). A random history is played through the
 * command side's API (registrations, enterprises whose legal representative is bound before he
 * registers, nominations, confirmations, rejections, revocations, changes of legal representative,
 * logins, cross-region matters); every question an auditor can ask about its persons, enterprises
 * and authorizations, over time ranges and at instants before, during and after each period, must
 * get the same answer from both. Asked with the projection caught up, stopped behind the store
 * (the index answers up to its position, a scan the tail), caught up again, being replayed and
 * replayed.
 */
class AuditIndexOracleTest {

    private static final String PASSWORD = "Secret#2024";
    private static final long SEED = Long.getLong("audit.oracle.seed", System.nanoTime());

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static HttpJson commands;
    private static String staff;
    private static AuditTrail trail;
    private static AuditIndex index;
    private static JdbcTemplate jdbc;

    private final Random random = new Random(SEED);
    private final List<String> documents = new ArrayList<>();
    private final Map<String, Person> registered = new HashMap<>();
    private final List<Enterprise> enterprises = new ArrayList<>();
    private final List<Nomination> nominations = new ArrayList<>();
    private final Map<String, Integer> played = new HashMap<>();

    record Person(String personId, String document, String phone) {
    }

    /** The legal representative's document as last bound by staff. */
    static final class Enterprise {
        final String uscc;
        String legalRepresentative;

        Enterprise(String uscc, String legalRepresentative) {
            this.uscc = uscc;
            this.legalRepresentative = legalRepresentative;
        }

        String uscc() {
            return uscc;
        }
    }

    record Nomination(String authorizationId, String uscc, String nomineeDocument) {
    }

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http());
        commands = commandNode.http();
        staff = staffToken(commands, "TAX_STAFF");
        trail = queryNode.bean(AuditTrail.class);
        index = queryNode.bean(AuditIndex.class);
        jdbc = queryNode.bean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("ACC-3, ACC-5, ACC-6: audit answers from the index equal the scan's, caught up, behind and caught up again")
    void indexAnswersWhatTheScanAnswers() {
        System.out.println("AuditIndexOracleTest seed " + SEED + " (-Daudit.oracle.seed=" + SEED + " to play it again)");
        play(60);
        playWhatChanceLeftOut();
        caughtUp();
        assertThat(index.position()).isEqualTo(head());
        compareEverything();

        StreamingEventProcessor processor = queryNode.bean(EventProcessingConfiguration.class)
                .eventProcessor(AuditIndexProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        long stoppedAt = index.position();
        play(30);
        assertThat(head()).as("events above the index's position").isGreaterThan(stoppedAt);
        assertThat(index.position()).isEqualTo(stoppedAt);
        compareEverything();

        processor.start();
        caughtUp();
        compareEverything();

        // A replay clears the index: while it is rebuilt the tail is most of the store, and the answers stay.
        ProjectionMonitor monitor = queryNode.bean(ProjectionMonitor.class);
        monitor.replay(AuditIndexProjection.PROCESSING_GROUP);
        compareEverything();
        if (monitor.status(AuditIndexProjection.PROCESSING_GROUP).rebuild() != null) {
            // PostgreSQL rebuilds beside the live index: the answers stay through the switch as well
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "SWITCHED".equals(monitor.status(AuditIndexProjection.PROCESSING_GROUP).rebuild().state()));
            compareEverything();
        }
        caughtUp();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event_time", Long.class)).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class));
        compareEverything();
        assertThat(played).as("what the history held (seed " + SEED + ")")
                .containsKeys("enterprise", "enterpriseBeforeRegistration", "nomination", "confirmation", "revocation",
                        "login", "matter");
    }

    // ------------------------------------------------------------------ the history

    private void play(int steps) {
        for (int i = 0; i < 4; i++) {
            registerSomeone();
        }
        for (int step = 0; step < steps; step++) {
            switch (random.nextInt(9)) {
                case 0 -> registerSomeone();
                case 1 -> newEnterprise();
                case 2, 3 -> nominate();
                case 4 -> confirmOrReject();
                case 5 -> revoke();
                case 6 -> login();
                case 7 -> matter();
                default -> changeLegalRepresentative();
            }
        }
    }

    /**
     * A random history may lack a kind of event (a seed whose revocations all met a stale legal
     * representative): one of each missing kind is played on purpose, so every seed covers them all.
     */
    private void playWhatChanceLeftOut() {
        if (!played.containsKey("enterpriseBeforeRegistration")) {
            while (!played.containsKey("enterpriseBeforeRegistration")) {
                newEnterprise();
            }
        }
        if (!played.containsKey("revocation") || !played.containsKey("confirmation")
                || !played.containsKey("enterprise")) {
            Person representative = anyRegistered();
            String uscc = uscc();
            HttpJson.Response created = commands.as(staff).post("/api/tax-authority/enterprises", Map.of("uscc", uscc,
                    "name", "企业" + uscc.substring(12), "legalRepresentative", Map.of("documentType",
                            "RESIDENT_IDENTITY_CARD", "documentNumber", representative.document(), "name", "王小明")));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            Enterprise enterprise = new Enterprise(uscc, representative.document());
            enterprises.add(enterprise);
            count("enterprise");
            Person nominee = anyRegistered();
            HttpJson.Response nominated = commands.as(legalRepresentativeSession(enterprise)).post("/api/enterprises/"
                    + uscc + "/staff", Map.of("documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", nominee.document(),
                    "role", "TAX_OFFICER", "taxOfficerIdentity", "MAIN", "validUntil", LocalDate.now().plusDays(30).toString()));
            assertThat(nominated.status()).as(nominated.raw()).isEqualTo(201);
            Nomination nomination = new Nomination(nominated.text("authorizationId"), uscc, nominee.document());
            nominations.add(nomination);
            count("nomination");
            HttpJson.Response confirmed = commands.as(faceSession(nominee, null, null))
                    .post("/api/authorizations/" + nomination.authorizationId() + "/confirmation", Map.of());
            assertThat(confirmed.status() / 100).as(confirmed.raw()).isEqualTo(2);
            count("confirmation");
            HttpJson.Response removed = commands.as(legalRepresentativeSession(enterprise)).delete("/api/enterprises/"
                    + uscc + "/staff/" + nomination.authorizationId() + "?reason=DUTIES_CHANGED");
            assertThat(removed.status()).as(removed.raw()).isEqualTo(204);
            count("revocation");
        }
        while (!played.containsKey("login")) {
            login();
        }
        while (!played.containsKey("matter")) {
            matter();
        }
    }

    private void registerSomeone() {
        String document = unregisteredDocument();
        String phone = phone();
        HttpJson.Response response = register(commands, document, phone);
        if (response.status() == 201) {
            registered.put(document, new Person(response.text("personId"), document, phone));
            count("registration");
        }
    }

    /** A document not registered yet: one an enterprise may already name as its legal representative, or a new one. */
    private String unregisteredDocument() {
        for (String document : documents) {
            if (!registered.containsKey(document) && random.nextBoolean()) {
                return document;
            }
        }
        String document = residentIdNumber();
        documents.add(document);
        return document;
    }

    private void newEnterprise() {
        boolean beforeRegistration = random.nextInt(3) == 0;
        String document = beforeRegistration ? newDocument() : anyRegistered().document();
        String uscc = uscc();
        HttpJson.Response created = commands.as(staff).post("/api/tax-authority/enterprises", Map.of("uscc", uscc,
                "name", "企业" + uscc.substring(12), "legalRepresentative", Map.of("documentType", "RESIDENT_IDENTITY_CARD",
                        "documentNumber", document, "name", "王小明")));
        if (created.status() == 201) {
            enterprises.add(new Enterprise(uscc, document));
            count(beforeRegistration ? "enterpriseBeforeRegistration" : "enterprise");
        }
    }

    private String newDocument() {
        String document = residentIdNumber();
        documents.add(document);
        return document;
    }

    private void nominate() {
        if (enterprises.isEmpty()) {
            return;
        }
        Enterprise enterprise = pick(enterprises);
        String session = legalRepresentativeSession(enterprise);
        if (session == null) {
            return;
        }
        Person nominee = anyRegistered();
        HttpJson.Response nominated = commands.as(session).post("/api/enterprises/" + enterprise.uscc() + "/staff", Map.of(
                "documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", nominee.document(), "role", "TAX_OFFICER",
                "taxOfficerIdentity", "MAIN", "validUntil", LocalDate.now().plusDays(1 + random.nextInt(300)).toString()));
        if (nominated.status() == 201) {
            nominations.add(new Nomination(nominated.text("authorizationId"), enterprise.uscc(), nominee.document()));
            count("nomination");
        }
    }

    /** A session of the enterprise's legal representative, or null (not registered yet). */
    private String legalRepresentativeSession(Enterprise enterprise) {
        Person representative = registered.get(enterprise.legalRepresentative);
        return representative == null ? null : faceSession(representative, enterprise.uscc(), "LEGAL_REPRESENTATIVE");
    }

    private void confirmOrReject() {
        if (nominations.isEmpty()) {
            return;
        }
        Nomination nomination = pick(nominations);
        String session = faceSession(registered.get(nomination.nomineeDocument()), null, null);
        boolean confirm = random.nextInt(4) > 0;
        HttpJson.Response answer = commands.as(session).post("/api/authorizations/" + nomination.authorizationId()
                + (confirm ? "/confirmation" : "/rejection"), Map.of());
        if (answer.status() / 100 == 2) {
            count(confirm ? "confirmation" : "rejection");
        }
    }

    private void revoke() {
        if (nominations.isEmpty()) {
            return;
        }
        Nomination nomination = pick(nominations);
        String session = legalRepresentativeSession(enterprises.stream()
                .filter(enterprise -> enterprise.uscc().equals(nomination.uscc())).findFirst().orElseThrow());
        if (session == null) {
            return;
        }
        HttpJson.Response removed = commands.as(session).delete("/api/enterprises/" + nomination.uscc() + "/staff/"
                + nomination.authorizationId() + "?reason=DUTIES_CHANGED");
        if (removed.status() == 204) {
            count("revocation");
        }
    }

    private void login() {
        Person person = anyRegistered();
        String uscc = enterprises.isEmpty() || random.nextBoolean() ? null : pick(enterprises).uscc();
        if (faceSession(person, uscc, uscc == null ? null : "TAX_OFFICER") != null) {
            count("login");
        }
    }

    private void matter() {
        if (enterprises.isEmpty()) {
            return;
        }
        Person handler = anyRegistered();
        HttpJson.Response recorded = commands.as(staff).post("/api/tax-authority/cross-region-matters", Map.of(
                "matterNumber", "360100182023111" + (10000 + random.nextInt(90000)), "uscc", pick(enterprises).uscc(),
                "projectName", "赣江大桥项目", "competentAuthority", "13601000000", "handlerName", "王小明",
                "handlerPhone", handler.phone()));
        if (recorded.status() == 201) {
            count("matter");
        }
    }

    private void changeLegalRepresentative() {
        if (enterprises.isEmpty()) {
            return;
        }
        String document = random.nextBoolean() ? newDocument() : anyRegistered().document();
        Enterprise enterprise = pick(enterprises);
        HttpJson.Response changed = commands.as(staff).put("/api/tax-authority/enterprises/" + enterprise.uscc()
                + "/legal-representative", Map.of("documentType", "RESIDENT_IDENTITY_CARD", "documentNumber", document,
                "name", "王总", "source", "MARKET_REGULATION"));
        if (changed.status() == 200) {
            enterprise.legalRepresentative = document;
            count("legalRepresentativeChange");
        }
    }

    /** Logs in with password and face scan (at the enterprise entry in a role when given); null if refused. */
    private static String faceSession(Person person, String uscc, String role) {
        Map<String, Object> body = new HashMap<>(byDocument(person.document(), PASSWORD));
        body.put("faceVerificationToken", faceToken(commands, "RESIDENT_IDENTITY_CARD", person.document(), "PASSED"));
        if (uscc != null) {
            body.put("entry", "ENTERPRISE");
            body.put("uscc", uscc);
            body.put("role", role);
        }
        HttpJson.Response session = commands.post("/api/sessions", body);
        return session.status() == 201 ? session.text("accessToken") : null;
    }

    private Person anyRegistered() {
        return pick(new ArrayList<>(registered.values()));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void count(String what) {
        played.merge(what, 1, Integer::sum);
    }

    // ------------------------------------------------------------------ the comparison

    private static long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    private static void caughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> index.position() >= head());
    }

    private void compareEverything() {
        List<Instant> instants = instants();
        Set<String> persons = new LinkedHashSet<>(jdbc.queryForList(
                "SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE aggregateidentifier LIKE 'person-%'", String.class));
        Set<String> usccs = new LinkedHashSet<>();
        enterprises.forEach(enterprise -> usccs.add(enterprise.uscc()));
        List<String> authorizations = jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry "
                + "WHERE aggregateidentifier LIKE 'authorization-%'", String.class);
        assertThat(authorizations).isNotEmpty();

        for (String person : persons) {
            sameEvents(new EventFilter(person, null, null, null, null));
            sameRelationships("person " + person, at -> trail.personRelationships(person, at),
                    at -> trail.scanPersonRelationships(person, at), instants);
        }
        for (String uscc : usccs) {
            sameEvents(new EventFilter(null, uscc, null, null, null));
            sameEvents(new EventFilter(pick(new ArrayList<>(persons)), uscc, null, null, null));
            sameRelationships("enterprise " + uscc, at -> trail.enterpriseRelationships(uscc, at),
                    at -> trail.scanEnterpriseRelationships(uscc, at), instants);
        }
        for (String authorization : authorizations) {
            sameEvents(new EventFilter(null, null, authorization, null, null));
            assertThat(trail.authorization(authorization)).isPresent();
        }
        for (int i = 0; i < 10; i++) {
            Instant a = pick(instants);
            Instant b = pick(instants);
            Instant from = a.isBefore(b) ? a : b;
            Instant to = a.isBefore(b) ? b : a.plusNanos(1);
            sameEvents(new EventFilter(null, null, null, from, to));
            sameEvents(new EventFilter(null, null, null, from, null));
            sameEvents(new EventFilter(null, null, null, null, to));
            if (!usccs.isEmpty()) {
                sameEvents(new EventFilter(null, pick(new ArrayList<>(usccs)), null, from, to));
            }
            sameEvents(new EventFilter(pick(new ArrayList<>(persons)), null, null, from, null));
        }
        sameEvents(new EventFilter(null, null, null, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-02T00:00:00Z")));
    }

    /**
     * Instants before, at and just after every event, and at every end of validity (00:00 China
     * Standard Time after validUntil, ACC-5), a sample of them.
     */
    private List<Instant> instants() {
        List<Instant> all = new ArrayList<>();
        for (String timestamp : jdbc.queryForList("SELECT timestamp FROM domainevententry", String.class)) {
            Instant at = Instant.parse(timestamp);
            all.add(at);
            all.add(at.minusNanos(1));
            all.add(at.plusMillis(1));
        }
        for (Nomination nomination : nominations) {
            trail.authorization(nomination.authorizationId()).ifPresent(story -> {
                String until = story.get("relationship").path("inForceUntil").asText(null);
                if (until != null) {
                    all.add(Instant.parse(until));
                    all.add(Instant.parse(until).minusNanos(1));
                }
            });
        }
        all.add(Instant.parse("2000-01-01T00:00:00Z"));
        all.add(Instant.now().plus(Duration.ofDays(400)));
        List<Instant> sample = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sample.add(pick(all));
        }
        sample.add(Instant.now().plus(Duration.ofDays(400)));
        return sample;
    }

    private static void sameEvents(EventFilter filter) {
        List<ObjectNode> scanned = new ArrayList<>();
        trail.scanEvents(filter, scanned::add);
        List<ObjectNode> indexed = new ArrayList<>();
        trail.events(filter, indexed::add);
        assertThat(indexed).as("%s (seed %d)", filter, SEED).isEqualTo(scanned);
    }

    private interface Relationships {
        List<ObjectNode> at(Instant at);
    }

    private static void sameRelationships(String whose, Relationships indexed, Relationships scanned, List<Instant> instants) {
        assertThat(indexed.at(null)).as("%s, all (seed %d)", whose, SEED).isEqualTo(scanned.at(null));
        for (Instant at : instants) {
            assertThat(indexed.at(at)).as("%s at %s (seed %d)", whose, at, SEED).isEqualTo(scanned.at(at));
        }
    }
}
