package gov.etax.identity.query.cluster;

import static gov.etax.identity.command.authorization.Staffing.confirmEnterprise;
import static gov.etax.identity.command.authorization.Staffing.enterpriseSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.naturalPersonSessionByFace;
import static gov.etax.identity.command.authorization.Staffing.nominate;
import static gov.etax.identity.command.authorization.Staffing.registered;
import static gov.etax.identity.command.support.Registrations.application;
import static gov.etax.identity.command.support.Registrations.faceToken;
import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.Registrations.uscc;
import static gov.etax.identity.command.support.SignIns.registrationCode;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.command.authorization.Staffing.Person;
import gov.etax.identity.command.privacy.PrivacyProperties;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.security.SessionTokens;
import gov.etax.identity.query.support.ReadModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Several nodes: two command-side and two query-side JVMs from the exec jars on one
 * PostgreSQL database, a mixed load over both command nodes, one node of each kind killed with
 * SIGKILL in the middle of it, and then proof that nothing answered was lost, nothing was applied
 * twice, uniqueness held across nodes and the surviving query node took over. See docs/cluster.md.
 */
class ClusterFailoverIT {

    private static final int FIRST_PORT = Integer.getInteger("cluster.first-port", 18380);
    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration LOAD = Duration.ofSeconds(120);
    /** Commands answered with success before the kill, and again after it. */
    private static final int COMMANDS_PER_PHASE = 30;
    /** Registration races (one document, one phone, several nodes at once) before the kill, and again after it. */
    private static final int RACES_PER_PHASE = 2;
    private static final int CONTENDERS = 4;
    private static final int FLOW_CLIENTS = 3;
    /**
     * Shorter than the 10 s of query-side.yml so that the survivor takes over sooner, yet longer
     * than the 5 s after which Axon's pooled processors extend an idle claim (a shorter timeout
     * would let two live nodes steal idle segments from each other).
     */
    private static final String CLAIM_TIMEOUT = "6s";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private static PostgresTestDatabase database;
    private static final List<ApplicationProcess> processes = new CopyOnWriteArrayList<>();
    private static ApplicationProcess commandA;
    private static ApplicationProcess commandB;
    private static ApplicationProcess queryA;
    private static ApplicationProcess queryB;
    private static Set<String> readModelTables;
    /** One lookup key for both command nodes, so that the test can find a document's or phone's claim row. */
    private static LookupHash lookupHash;
    private static final Thread KILL_ON_EXIT = new Thread(() -> processes.forEach(ApplicationProcess::close));

    /** The command nodes a load balancer would send to: the killed one leaves it when it dies. */
    private final List<ApplicationProcess> routable = new CopyOnWriteArrayList<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Person> registeredPersons = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Race> races = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answeredAfterKill = new AtomicInteger();
    private final AtomicInteger racesAfterKill = new AtomicInteger();
    private String taxStaff;

    /** A success answer: the event it must have left, found by aggregate id and type (and a text in the payload). */
    private record Answered(String command, String node, boolean afterKill, String aggregateId, String eventType,
                            String payloadContains) {
    }

    /** One registration race: who answered what (null: no answer, the node died), and the winner. */
    private record Race(String document, String phone, List<Integer> statuses, List<String> codes, String winner) {
    }

    @BeforeAll
    static void startCluster() throws SQLException {
        Runtime.getRuntime().addShutdownHook(KILL_ON_EXIT);
        database = PostgresTestDatabase.create("etax_cluster_");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String lookupKey = Base64.getEncoder().encodeToString(key);
        lookupHash = new LookupHash(new PrivacyProperties(null, lookupKey));
        Path logs = Path.of(System.getProperty("cluster.logs", "target/cluster-it"));
        Path commandJar = Path.of(System.getProperty("cluster.command-side-jar", ""));
        Path queryJar = Path.of(System.getProperty("cluster.query-side-jar", ""));

        // The dev profile (its simulators drive the load); all four nodes read one dev key ring.
        Map<String, String> common = Map.of("DB_URL", database.url(), "DB_USER", database.user(), "DB_PASSWORD", "",
                "DB_POOL_SIZE", "6", "DB_POOL_MIN_IDLE", "1",
                "SPRING_PROFILES_ACTIVE", "dev", "ETAX_DATA_DIR", logs.toAbsolutePath().toString());
        Map<String, String> commandEnvironment = new HashMap<>(common);
        commandEnvironment.put("ETAX_LOOKUP_KEY", lookupKey);
        // Racing load on a shared test machine: a busy-hashing 503 here would be the machine, not the failover.
        commandEnvironment.put("ETAX_PASSWORD_HASHING_MAX_WAIT", "30s");
        // Every simulated client shares 127.0.0.1: the per-address limits would refuse the load itself.
        for (String limit : List.of("ETAX_SMS_PER_ADDRESS", "ETAX_SMS_PER_SESSION", "ETAX_SIGN_IN_FAILURES_PER_ADDRESS")) {
            commandEnvironment.put(limit, "1000000");
        }
        // The first node migrates the schema alone; then the others start side by side.
        commandA = started(ApplicationProcess.start("command-a", commandJar, FIRST_PORT, logs, commandEnvironment));
        commandA.awaitHealthy(START);
        Set<String> commandTables = ReadModels.tables(database);
        commandB = started(ApplicationProcess.start("command-b", commandJar, FIRST_PORT + 1, logs, commandEnvironment));
        Map<String, String> queryEnvironment = new HashMap<>(common);
        queryEnvironment.put("AXON_EVENTHANDLING_TOKENSTORE_CLAIMTIMEOUT", CLAIM_TIMEOUT);
        // Person tokens are checked against the node that survives; in production: the load balancer.
        queryEnvironment.put("ETAX_SESSION_JWKS_URI", commandA.http().baseUrl() + "/.well-known/jwks.json");
        // Projections hash nothing: the client compiler alone starts them sooner on a busy machine.
        queryA = started(ApplicationProcess.start("query-a", queryJar, FIRST_PORT + 2, logs, queryEnvironment, QUICK_START));
        queryB = started(ApplicationProcess.start("query-b", queryJar, FIRST_PORT + 3, logs, queryEnvironment, QUICK_START));
        commandB.awaitHealthy(START);
        queryA.awaitHealthy(START);
        queryB.awaitHealthy(START);
        readModelTables = ReadModels.readModelTables(ReadModels.tables(database), commandTables);
    }

    private static ApplicationProcess started(ApplicationProcess process) {
        processes.add(process);
        return process;
    }

    @AfterAll
    static void stopCluster() {
        try {
            processes.forEach(ApplicationProcess::close);
        } finally {
            if (database != null) {
                database.close();
            }
            Runtime.getRuntime().removeShutdownHook(KILL_ON_EXIT);
        }
    }

    @Test
    @DisplayName("Cluster: one command node and one query node killed with SIGKILL under a mixed load; nothing answered is lost, nothing applied twice, uniqueness held, the survivor took over")
    void survivesTheLossOfOneNodeOfEachKind() throws Exception {
        long started = System.nanoTime();
        routable.addAll(List.of(commandA, commandB));
        taxStaff = staffToken(commandA.http(), "TAX_STAFF");
        ExecutorService clients = Executors.newFixedThreadPool(FLOW_CLIENTS + 2);
        ExecutorService contenders = Executors.newFixedThreadPool(CONTENDERS);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < FLOW_CLIENTS; i++) {
                running.add(clients.submit(() -> repeat(this::staffFlow)));
            }
            running.add(clients.submit(() -> repeat(() -> race(contenders))));

            await("load before the kill").atMost(LOAD).until(() -> answered.size() >= COMMANDS_PER_PHASE
                    && races.size() >= RACES_PER_PHASE && !registrationsAnsweredBy(commandB).isEmpty()
                    || !unexpected.isEmpty());
            assertThat(unexpected).as("unexpected answers before the kill").isEmpty();

            // The query node that holds the most segments dies, so that the other must take them over.
            Map<String, Integer> owners = tokenOwners();
            ApplicationProcess queryVictim = owned(owners, queryA) >= owned(owners, queryB) ? queryA : queryB;
            ApplicationProcess querySurvivor = queryVictim == queryA ? queryB : queryA;
            assertThat(owned(owners, queryVictim)).as("segments of %s before the kill: %s", queryVictim, owners).isPositive();
            // command-b dies: the query nodes check person tokens against command-a's keys.
            commandB.kill();
            routable.remove(commandB);
            queryVictim.kill();
            long killedAt = System.nanoTime();
            killed.set(true);
            // Watched from the kill on, under the load, so that the time is that of the takeover.
            CompletableFuture<Duration> takeover = CompletableFuture.supplyAsync(
                    () -> awaitTakeover(querySurvivor, killedAt), clients);

            await("load after the kill").atMost(LOAD).until(() -> answeredAfterKill.get() >= COMMANDS_PER_PHASE
                    && racesAfterKill.get() >= RACES_PER_PHASE || !unexpected.isEmpty());
            stopped.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            long loadEnded = System.nanoTime();
            assertThat(unexpected).as("unexpected answers (neither the expected success nor a refusal the race explains)").isEmpty();
            int answeredByVictim = answeredBy(commandB.name());
            assertThat(answeredByVictim).as("answers from the killed command node, all given before it died").isPositive();

            everyAnsweredCommandIsInTheEventStore();
            noHalfWrittenTransaction();
            eachRaceHadOneWinner();
            registrationsAnsweredByTheKilledNodeStillLogIn();
            Duration failover = takeover.get(90, TimeUnit.SECONDS);
            survivorShowsEverySegment(querySurvivor);
            readModelsMatchTheEventStoreAndAFreshReplay(querySurvivor);

            System.out.printf("cluster: %d commands answered (%d by %s before SIGKILL, %d after the kills), "
                            + "%d unanswered (in flight to or routed to a dead node), %d registration races; "
                            + "survivor %s held every segment %d ms after the kills; load %d s, whole test %d s%n",
                    answered.size(), answeredByVictim, commandB.name(), answeredAfterKill.get(), unanswered.size(),
                    races.size(), querySurvivor.name(), failover.toMillis(),
                    TimeUnit.NANOSECONDS.toSeconds(loadEnded - started), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        } finally {
            stopped.set(true);
            clients.shutdownNow();
            contenders.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            contenders.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    // --- the load ---------------------------------------------------------------------------

    private void repeat(Runnable step) {
        while (!stopped.get()) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (connectionFailed(e)) {
                    unanswered.add(e.getMessage());
                } else {
                    unexpected.add(String.valueOf(e));
                }
            }
        }
    }

    /** A connection refused or reset: the node died with the request in flight, or it was picked just before. */
    private static boolean connectionFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The next command node in turn, as a round-robin load balancer would pick it. */
    private ApplicationProcess next() {
        List<ApplicationProcess> nodes = List.copyOf(routable);
        return nodes.get(Math.floorMod(roundRobin.getAndIncrement(), nodes.size()));
    }

    /**
     * One enterprise's staff flow, each step on the next node: a person registers, tax staff confirm
     * the enterprise with that person as legal representative, who logs in at the enterprise entry
     * and nominates a newly registered person as tax officer; the nominee logs in and confirms; the
     * legal representative revokes the relationship. Sessions opened on one node are used on the other.
     */
    private void staffFlow() {
        ApplicationProcess node = next();
        Person representative = registered(node.http());
        registeredPersons.add(representative);
        record("register", node, representative.personId(), "NaturalPersonRegistered", null);

        node = next();
        String uscc = uscc();
        HttpJson.Response enterprise = confirmEnterprise(node.http().as(taxStaff), uscc, "江西集群科技有限公司", representative, null);
        expect(enterprise, 201, "confirm enterprise");
        record("confirm enterprise", node, enterprise.text("enterpriseId"), "EnterpriseTaxInformationConfirmed", uscc);
        record("confirm enterprise", node, enterprise.text("legalRepresentativeAuthorizationId"), "LegalRepresentativeBound", null);

        node = next();
        String representativeSession = enterpriseSessionByFace(node.http(), representative, uscc, "LEGAL_REPRESENTATIVE");
        recordLogin(node, representative, representativeSession);

        node = next();
        Person nominee = registered(node.http());
        registeredPersons.add(nominee);
        record("register", node, nominee.personId(), "NaturalPersonRegistered", null);

        node = next();
        String validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString();
        HttpJson.Response nominated = nominate(node.http().as(representativeSession), uscc, nominee, "TAX_OFFICER", validUntil);
        expect(nominated, 201, "nominate");
        String authorizationId = nominated.text("authorizationId");
        record("nominate", node, authorizationId, "StaffNominated", null);

        node = next();
        String nomineeSession = naturalPersonSessionByFace(node.http(), nominee);
        recordLogin(node, nominee, nomineeSession);

        node = next();
        expect(node.http().as(nomineeSession).post("/api/authorizations/" + authorizationId + "/confirmation", Map.of()),
                200, "confirm nomination");
        record("confirm nomination", node, authorizationId, "AuthorizationConfirmed", null);

        node = next();
        expect(node.http().as(representativeSession)
                .delete("/api/enterprises/" + uscc + "/staff/" + authorizationId + "?reason=DUTIES_CHANGED"), 204, "revoke");
        record("revoke", node, authorizationId, "RelationshipRevoked", null);
    }

    /**
     * The same document and phone registered on every routable node at once, {@value #CONTENDERS}
     * times: each contender scans the face on its node first, then all send together.
     */
    private void race(ExecutorService contenders) {
        String document = residentIdNumber();
        String phone = phone();
        // LOGIN-2: the one code sent to the phone, which every contender sends along.
        String smsCode;
        try {
            ApplicationProcess codeNode = next();
            smsCode = registrationCode(codeNode.http(), phone,
                    faceToken(codeNode.http(), "RESIDENT_IDENTITY_CARD", document, "PASSED"));
        } catch (RuntimeException nodeGone) {
            return;
        }
        if (smsCode == null) {
            return;
        }
        boolean afterKill = killed.get();
        CountDownLatch ready = new CountDownLatch(CONTENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpJson.Response>> answers = new ArrayList<>();
        List<ApplicationProcess> nodes = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            ApplicationProcess node = next();
            nodes.add(node);
            answers.add(contenders.submit(() -> {
                try {
                    String face = faceToken(node.http(), "RESIDENT_IDENTITY_CARD", document, "PASSED");
                    ready.countDown();
                    go.await();
                    Map<String, Object> body = application(document, phone, face);
                    body.put("smsCode", smsCode);
                    return node.http().post("/api/persons/registrations", body);
                } finally {
                    ready.countDown();
                }
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String winner = null;
        String winnerNode = null;
        try {
            ready.await(60, TimeUnit.SECONDS);
            go.countDown();
            for (int i = 0; i < answers.size(); i++) {
                try {
                    HttpJson.Response answer = answers.get(i).get(60, TimeUnit.SECONDS);
                    statuses.add(answer.status());
                    codes.add(answer.text("code"));
                    if (answer.status() == 201) {
                        winner = answer.text("personId");
                        winnerNode = nodes.get(i).name();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!connectionFailed(e)) {
                        throw new IllegalStateException("race contender failed", e.getCause());
                    }
                    statuses.add(null);
                    codes.add(null);
                    unanswered.add("race contender: " + e.getCause());
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        races.add(new Race(document, phone, statuses, codes, winner));
        if (winner != null) {
            registeredPersons.add(new Person(winner, document, phone));
            answered.add(new Answered("register (race)", winnerNode, afterKill, winner, "NaturalPersonRegistered", null));
        }
        if (afterKill) {
            racesAfterKill.incrementAndGet();
        }
    }

    private void recordLogin(ApplicationProcess node, Person person, String accessToken) {
        record("login", node, person.personId(), "LoginSucceeded", sessionId(accessToken));
    }

    private void record(String command, ApplicationProcess node, String aggregateId, String eventType, String payloadContains) {
        // an answer of the killed node may be recorded just after the kill, but was given before it
        boolean afterKill = killed.get() && node.isAlive();
        answered.add(new Answered(command, node.name(), afterKill, aggregateId, eventType, payloadContains));
        if (afterKill) {
            answeredAfterKill.incrementAndGet();
        }
    }

    private static void expect(HttpJson.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.raw());
        }
    }

    private Set<String> registrationsAnsweredBy(ApplicationProcess node) {
        Set<String> persons = new HashSet<>();
        answered.stream().filter(a -> a.node().equals(node.name()) && a.eventType().equals("NaturalPersonRegistered"))
                .forEach(a -> persons.add(a.aggregateId()));
        return persons;
    }

    private int answeredBy(String node) {
        return (int) answered.stream().filter(a -> a.node().equals(node)).count();
    }

    private static String sessionId(String accessToken) {
        try {
            String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
            return JSON.readTree(claims).get(SessionTokens.SESSION_ID).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the proofs -------------------------------------------------------------------------

    /** (a) Every success answer left its event: a 201 or 200 is a commit, whichever node died afterwards. */
    private void everyAnsweredCommandIsInTheEventStore() throws SQLException {
        List<Answered> missing = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement events = connection.prepareStatement("SELECT count(*) FROM domainevententry "
                     + "WHERE aggregateidentifier = ? AND payloadtype LIKE ? AND convert_from(payload, 'UTF8') LIKE ?")) {
            for (Answered success : answered) {
                events.setString(1, success.aggregateId());
                events.setString(2, "%." + success.eventType());
                events.setString(3, success.payloadContains() == null ? "%" : "%" + success.payloadContains() + "%");
                try (ResultSet count = events.executeQuery()) {
                    count.next();
                    if (count.getLong(1) != 1) {
                        missing.add(success);
                    }
                }
            }
        }
        assertThat(missing).as("answered commands without exactly one event of theirs").isEmpty();
        long registrations = count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.NaturalPersonRegistered'");
        long answeredRegistrations = answered.stream().filter(a -> a.eventType().equals("NaturalPersonRegistered")).count();
        // Registrations cut off by the kill may or may not have committed; nothing else registers anyone.
        assertThat(registrations).isBetween(answeredRegistrations, answeredRegistrations + unanswered.size());
    }

    /**
     * A registration writes its claim rows, its password hash and its event in one transaction,
     * a login its session row and its event; one cut by SIGKILL must leave none of them.
     */
    private void noHalfWrittenTransaction() {
        assertThat(strings("SELECT session_id FROM person_session")).as("sessions and their login events")
                .isEqualTo(strings("SELECT convert_from(payload, 'UTF8')::jsonb -> 'sessionId' ->> 'value' "
                        + "FROM domainevententry WHERE payloadtype LIKE '%.LoginSucceeded'"));
        Set<String> registered = strings("SELECT aggregateidentifier FROM domainevententry "
                + "WHERE payloadtype LIKE '%.NaturalPersonRegistered'");
        assertThat(strings("SELECT person_id FROM identity_claim WHERE claim_kind = 'DOCUMENT'")).isEqualTo(registered);
        assertThat(strings("SELECT person_id FROM identity_claim WHERE claim_kind = 'PHONE'")).isEqualTo(registered);
        assertThat(strings("SELECT person_id FROM person_credential")).isEqualTo(registered);
        assertThat(count("SELECT count(*) FROM domainevententry e WHERE e.payloadtype LIKE '%.NaturalPersonRegistered' "
                + "AND e.sequencenumber <> 0")).as("registration events not first in their aggregate").isZero();
    }

    /** (c) One document, one person; one phone, one holder; across nodes, each race exactly one winner. */
    private void eachRaceHadOneWinner() {
        assertThat(races).hasSizeGreaterThanOrEqualTo(2 * RACES_PER_PHASE);
        int decided = 0;
        for (Race race : races) {
            long wins = race.statuses().stream().filter(status -> status != null && status == 201).count();
            String documentHolders = holders("DOCUMENT",
                    lookupHash.of(new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, race.document())));
            String phoneHolders = holders("PHONE", lookupHash.of(new MobilePhone(race.phone())));
            if (!race.statuses().contains(null)) {
                decided++;
                assertThat(wins).as("winners of %s", race).isEqualTo(1);
                for (int i = 0; i < race.statuses().size(); i++) {
                    if (race.statuses().get(i) != 201) {
                        assertThat(race.statuses().get(i)).as("a loser of %s", race).isIn(409, 422);
                        // The phone's one code lets one contender through; the others find it spent.
                        assertThat(race.codes().get(i)).as("a loser of %s", race)
                                .isIn("DOCUMENT_ALREADY_REGISTERED", "PHONE_ALREADY_BOUND", "PHONE_PROOF_INVALID");
                    }
                }
            } else {
                assertThat(wins).as("winners of %s", race).isLessThanOrEqualTo(1);
            }
            if (race.winner() != null) {
                assertThat(documentHolders).as("holder of the document of %s", race).isEqualTo(race.winner());
                assertThat(phoneHolders).as("holder of the phone of %s", race).isEqualTo(race.winner());
            } else {
                // no answered winner: at most a registration whose answer died with its node
                assertThat(documentHolders).isEqualTo(phoneHolders);
            }
        }
        assertThat(decided).as("races every contender answered").isGreaterThanOrEqualTo(RACES_PER_PHASE);
    }

    /** (a, again) A registration answered 201 by the node that died is a person who can log in on the survivor. */
    private void registrationsAnsweredByTheKilledNodeStillLogIn() {
        Set<String> onKilled = registrationsAnsweredBy(commandB);
        List<Person> persons = registeredPersons.stream().filter(p -> onKilled.contains(p.personId())).limit(3).toList();
        assertThat(persons).isNotEmpty();
        for (Person person : persons) {
            assertThat(naturalPersonSessionByFace(commandA.http(), person)).isNotBlank();
        }
    }

    /** (d) Every segment of every projection claimed by the survivor; returns how long after the kills. */
    private static Duration awaitTakeover(ApplicationProcess survivor, long killedAt) {
        await("segments of the dead query node claimed by " + survivor).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    Set<String> owners = strings("SELECT coalesce(owner, 'nobody') FROM tokenentry");
                    assertThat(owners).isNotEmpty().allMatch(survivor::owns, "owned by " + survivor);
                });
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    /** (d) The survivor's status lists every segment of every processor, and it still holds them all. */
    private void survivorShowsEverySegment(ApplicationProcess survivor) throws SQLException {
        assertThat(strings("SELECT coalesce(owner, 'nobody') FROM tokenentry")).allMatch(survivor::owns, "owned by " + survivor);
        String operator = staffToken(commandA.http(), "OPERATOR");
        Map<String, Set<Integer>> segments = segmentsByProcessor();
        await("status of " + survivor).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Map.Entry<String, Set<Integer>> processor : segments.entrySet()) {
                JsonNode status = survivor.http().as(operator).get("/api/admin/projections/" + processor.getKey()).body();
                Set<Integer> shown = new TreeSet<>();
                status.get("segments").forEach(segment -> shown.add(segment.get("segment").asInt()));
                assertThat(shown).as(processor.getKey() + " " + status).isEqualTo(processor.getValue());
                assertThat(status.get("running").asBoolean()).isTrue();
            }
        });
    }

    /**
     * (b) Read models of the survivor equal a fresh replay of the event store, and their counts
     * match it: an event applied twice or lost around the kill would show in one or the other.
     */
    private void readModelsMatchTheEventStoreAndAFreshReplay(ApplicationProcess survivor) throws SQLException {
        HttpJson asOperator = survivor.http().as(staffToken(commandA.http(), "OPERATOR"));
        List<String> projections = new ArrayList<>();
        asOperator.get("/api/admin/projections").body().forEach(status -> projections.add(status.get("name").asText()));
        assertThat(projections).contains("person-accounts", "authorizations");
        awaitCaughtUp(asOperator, projections);
        Map<String, List<String>> live = ReadModels.snapshot(database, readModelTables);

        long persons = count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.NaturalPersonRegistered'");
        assertThat(live.get("person_account")).hasSize((int) persons);
        assertThat(live.get("person_account_phone")).hasSize((int) persons);
        assertThat(live.get("authorization_enterprise")).hasSize((int) count("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype LIKE '%.EnterpriseTaxInformationConfirmed'"));
        assertThat(live.get("authorization_view")).hasSize((int) count("SELECT count(DISTINCT aggregateidentifier) "
                + "FROM domainevententry WHERE aggregateidentifier LIKE 'authorization-%'"));
        assertThat(count("SELECT count(*) FROM account_history WHERE kind = 'LOGIN_SUCCEEDED'"))
                .isEqualTo(count("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.LoginSucceeded'"));

        // one rebuild of every projection, switched in at once
        HttpJson.Response replay = asOperator.post("/api/admin/projections/replay", Map.of());
        assertThat(replay.status()).as(replay.raw()).isEqualTo(202);
        for (String name : projections) {
            await("rebuild of " + name).atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    asOperator.get("/api/admin/projections/" + name).body().path("rebuild").path("state").asText())
                    .isEqualTo("SWITCHED"));
        }
        awaitCaughtUp(asOperator, projections);
        Map<String, List<String>> replayed = ReadModels.snapshot(database, readModelTables);
        assertThat(replayed.keySet()).isEqualTo(live.keySet());
        for (String table : live.keySet()) {
            assertThat(replayed.get(table)).as("table %s after the replay", table).containsExactlyElementsOf(live.get(table));
        }
    }

    private void awaitCaughtUp(HttpJson asOperator, List<String> projections) {
        long head = count("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
        await("projections caught up with " + head).atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String name : projections) {
                JsonNode status = asOperator.get("/api/admin/projections/" + name).body();
                assertThat(status.get("replaying").asBoolean()).as(name + " " + status).isFalse();
                assertThat(status.get("caughtUp").asBoolean()).as(name + " " + status).isTrue();
                assertThat(status.get("position").asLong()).as(name + " " + status).isGreaterThanOrEqualTo(head);
            }
        });
    }

    // --- the database -----------------------------------------------------------------------

    /** Claimed segments per owner. */
    private static Map<String, Integer> tokenOwners() throws SQLException {
        Map<String, Integer> owners = new TreeMap<>();
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT owner, count(*) FROM tokenentry WHERE owner IS NOT NULL GROUP BY owner")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getInt(2));
            }
        }
        return owners;
    }

    private static int owned(Map<String, Integer> owners, ApplicationProcess node) {
        return owners.entrySet().stream().filter(owner -> node.owns(owner.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    private static Map<String, Set<Integer>> segmentsByProcessor() throws SQLException {
        Map<String, Set<Integer>> segments = new TreeMap<>();
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT processorname, segment FROM tokenentry")) {
            while (rows.next()) {
                segments.computeIfAbsent(rows.getString(1), name -> new TreeSet<>()).add(rows.getInt(2));
            }
        }
        return segments;
    }

    /** The person holding a claim, or null when nobody does (the primary key allows no second one). */
    private static String holders(String kind, String hash) {
        Set<String> holders = strings("SELECT person_id FROM identity_claim WHERE claim_kind = '" + kind
                + "' AND claim_hash = '" + hash + "'");
        assertThat(holders).hasSizeLessThanOrEqualTo(1);
        return holders.isEmpty() ? null : holders.iterator().next();
    }

    private static long count(String sql) {
        return query(sql, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    private static Set<String> strings(String sql) {
        return query(sql, rows -> {
            Set<String> values = new TreeSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(String sql, Rows<T> reader) {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
