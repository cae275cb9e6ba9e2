package gov.etax.identity.query.infrastructure;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static gov.etax.identity.command.support.SignIns.staffToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.PostgresTestDatabase;
import gov.etax.identity.command.support.TcpProxy;
import gov.etax.identity.query.support.QuerySideNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * While the database is away both applications fail fast and say so: requests answer 503
 * DATABASE_UNAVAILABLE with Retry-After within seconds, readiness goes DOWN within seconds and UP again
 * within seconds of its return. The database is taken away by cutting a TCP proxy between the
 * applications and the shared PostgreSQL. The measured times are printed (docs/cluster.md, "Database outage").
 */
class DatabaseOutageTest {

    /** Hikari's connection timeout (2.5 s) plus room for a busy machine. */
    private static final Duration FAST = Duration.ofSeconds(10);

    private static PostgresTestDatabase database;
    private static TcpProxy proxy;
    private static CommandSideNode command;
    private static QuerySideNode query;
    private static String auditor;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresTestDatabase.create();
        proxy = TcpProxy.to(PostgresTestDatabase.serverHost(), PostgresTestDatabase.serverPort());
        PostgresTestDatabase throughProxy = database.throughPort(proxy.port());
        command = CommandSideNode.start(throughProxy);
        query = QuerySideNode.start(throughProxy, command.http());
        auditor = staffToken(command.http(), "AUDITOR");
    }

    @AfterAll
    static void stop() throws Exception {
        Closeables.closeAll(query, command, proxy, database);
    }

    @Test
    @DisplayName("Database away: 503 DATABASE_UNAVAILABLE with Retry-After and readiness DOWN within seconds on both sides; back within seconds")
    void outage() {
        HttpJson.Response before = register(command.http(), residentIdNumber(), phone());
        assertThat(before.status()).as(before.raw()).isEqualTo(201);
        String personId = before.text("personId");
        await().atMost(Duration.ofSeconds(30)).until(() -> account(personId).status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(command.http()) && ready(query.http()));

        Instant cut = Instant.now();
        proxy.cut();

        Duration commandDown = timeUntil(cut, () -> !ready(command.http()));
        Duration queryDown = timeUntil(cut, () -> !ready(query.http()));
        Instant asked = Instant.now();
        HttpJson.Response refused = register(command.http(), residentIdNumber(), phone());
        Duration commandAnswer = Duration.between(asked, Instant.now());
        assertUnavailable(refused);
        asked = Instant.now();
        HttpJson.Response unread = account(personId);
        Duration queryAnswer = Duration.between(asked, Instant.now());
        assertUnavailable(unread);
        assertThat(commandAnswer).isLessThan(FAST);
        assertThat(queryAnswer).isLessThan(FAST);

        Instant back = Instant.now();
        proxy.restore();
        Duration commandUp = timeUntil(back, () -> ready(command.http()));
        Duration queryUp = timeUntil(back, () -> ready(query.http()));
        Duration firstRegistration = timeUntil(back, () -> register(command.http(), residentIdNumber(), phone()).status() == 201);
        Duration firstRead = timeUntil(back, () -> account(personId).status() == 200);

        System.out.printf("database outage: readiness DOWN after command %d ms, query %d ms; 503 after command %d ms, "
                        + "query %d ms; after return: ready after command %d ms, query %d ms; first 201 after %d ms, "
                        + "first read after %d ms%n", commandDown.toMillis(), queryDown.toMillis(), commandAnswer.toMillis(),
                queryAnswer.toMillis(), commandUp.toMillis(), queryUp.toMillis(), firstRegistration.toMillis(),
                firstRead.toMillis());
    }

    private static void assertUnavailable(HttpJson.Response answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("code")).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(answer.text("message_zh")).isNotBlank();
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    private static Duration timeUntil(Instant from, Supplier<Boolean> condition) {
        await().atMost(FAST).pollInterval(Duration.ofMillis(100)).until(condition::get);
        return Duration.between(from, Instant.now());
    }

    private static boolean ready(HttpJson app) {
        return app.get("/actuator/health/readiness").status() == 200;
    }

    private static HttpJson.Response account(String personId) {
        return query.http().as(auditor).get("/api/persons/" + personId + "/account");
    }
}
