package gov.etax.identity.query.account;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.LateCommits;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.query.support.QuerySideNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every acknowledged event is projected, however late its transaction commits: a registration answered
 * 201 shows on the query side even when its commit came after later events had been read, after the
 * reader's gap timeout (shortened here to one second, Axon's default is 60 s), across a pause of the
 * processor and across a restart of the query side. And a Consistency-Token covering the late event
 * never answers 404 for it.
 */
@Tag("postgresql") // commit order by PostgreSQL's advisory lock; H2 serves one node in development
class LateCommitTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(1);
    /** Longer than the gap timeout: an event this old when read lets the reader give up the holes below it. */
    private static final Duration STALE = GAP_TIMEOUT.multipliedBy(2);
    private static final Duration PROJECTION_LAG = Duration.ofSeconds(20);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static LateCommits lateCommits;
    private static String auditor;
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        database = PostgresTestDatabase.create();
        // The gates hold commits far longer than production's statement bound would allow.
        commandNode = CommandSideNode.start(database, "etax.database.statement-timeout=PT2M");
        lateCommits = LateCommits.install(database);
        queryNode = startQueryNode();
        auditor = staffToken(commandNode.http(), "AUDITOR");
    }

    @AfterAll
    static void stop() throws Exception {
        CLIENTS.shutdownNow();
        Closeables.closeAll(lateCommits, queryNode, commandNode, database);
    }

    private static QuerySideNode startQueryNode() {
        return QuerySideNode.start(database, commandNode.http(), List.of("etax.event-store.gap-timeout=" + GAP_TIMEOUT));
    }

    @Test
    @DisplayName("Two overlapping late commits, the later one committing first and stale: both registrations are projected")
    void overlappingLateCommits() throws Exception {
        int gateA = lateCommits.arm();
        Future<HttpJson.Response> a = CLIENTS.submit(this::registration);
        await().atMost(Duration.ofSeconds(20)).until(() -> lateCommits.waiting() >= 1);
        int gateB = lateCommits.arm();
        Future<HttpJson.Response> b = CLIENTS.submit(this::registration);
        await().atMost(Duration.ofSeconds(20)).until(() -> lateCommits.waiting() >= 2);
        letPass(STALE);

        lateCommits.release(gateB);
        readerHasSeen(b);
        lateCommits.release(gateA);

        assertAcknowledgedAndProjected(a, b);
    }

    @Test
    @DisplayName("A late commit while the account processor is paused: projected once it runs again")
    void lateCommitWhileProcessorPaused() throws Exception {
        StreamingEventProcessor processor = queryNode.bean(EventProcessingConfiguration.class)
                .eventProcessor(PersonAccountProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        HeldBack held = heldBackWithOneBehind();

        processor.start();
        readerHasSeen(held.steady());
        lateCommits.release(held.gate());

        assertAcknowledgedAndProjected(held.late(), held.steady());
    }

    @Test
    @DisplayName("A late commit across a restart of the query side: projected by the new node")
    void lateCommitAcrossRestart() throws Exception {
        queryNode.close();
        HeldBack held = heldBackWithOneBehind();

        queryNode = startQueryNode();
        readerHasSeen(held.steady());
        lateCommits.release(held.gate());

        assertAcknowledgedAndProjected(held.late(), held.steady());
    }

    private record HeldBack(int gate, Future<HttpJson.Response> late, Future<HttpJson.Response> steady) {
    }

    /**
     * A registration held at a gate after taking its global index, and one more sent behind it that is
     * stale by the time a reader could see it (if it is acknowledged at all while the first is open).
     */
    private HeldBack heldBackWithOneBehind() throws Exception {
        int gate = lateCommits.arm();
        Future<HttpJson.Response> late = CLIENTS.submit(this::registration);
        await().atMost(Duration.ofSeconds(20)).until(() -> lateCommits.waiting() >= 1);
        Future<HttpJson.Response> steady = CLIENTS.submit(this::registration);
        letPass(STALE);
        return new HeldBack(gate, late, steady);
    }

    private HttpJson.Response registration() {
        return register(commandNode.http(), residentIdNumber(), phone());
    }

    /** Lets time pass (a stale event is one older than the gap timeout), polling nothing in particular. */
    private static void letPass(Duration duration) {
        Instant until = Instant.now().plus(duration);
        await().atMost(duration.plusSeconds(20)).until(() -> Instant.now().isAfter(until));
    }

    /**
     * If the registration has been acknowledged while an earlier one is still open (appends out of commit
     * order), waits until the reader has read it, so the earlier one commits behind the reader's back.
     */
    private void readerHasSeen(Future<HttpJson.Response> registration) throws Exception {
        Instant until = Instant.now().plusSeconds(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> registration.isDone() || Instant.now().isAfter(until));
        if (registration.isDone()) {
            String personId = registration.get().text("personId");
            await().atMost(PROJECTION_LAG).until(() -> account(personId).status() == 200);
        }
    }

    @SafeVarargs
    private void assertAcknowledgedAndProjected(Future<HttpJson.Response>... registrations) throws Exception {
        for (Future<HttpJson.Response> registration : registrations) {
            HttpJson.Response answer = registration.get(60, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
            String personId = answer.text("personId");
            String position = answer.headers().firstValue("Consistency-Token").orElseThrow();
            // The token covers the event: the query waits for it rather than answering 404.
            HttpJson.Response underToken = queryNode.http().as(auditor)
                    .get("/api/persons/" + personId + "/account", "Consistency-Token", position);
            assertThat(underToken.status()).as("account of %s at position %s: %s", personId, position, underToken.raw())
                    .isEqualTo(200);
            await().atMost(PROJECTION_LAG).until(() -> account(personId).status() == 200);
        }
    }

    private HttpJson.Response account(String personId) {
        return queryNode.http().as(auditor).get("/api/persons/" + personId + "/account");
    }
}
