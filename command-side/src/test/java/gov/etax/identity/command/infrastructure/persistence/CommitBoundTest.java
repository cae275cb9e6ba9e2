package gov.etax.identity.command.infrastructure.persistence;

import static gov.etax.identity.command.support.Registrations.phone;
import static gov.etax.identity.command.support.Registrations.register;
import static gov.etax.identity.command.support.Registrations.residentIdNumber;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.Closeables;
import gov.etax.identity.command.support.CommandSideNode;
import gov.etax.identity.command.support.HttpJson;
import gov.etax.identity.command.support.LateCommits;
import gov.etax.identity.command.support.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A command whose commit would outlast the statement bound is never acknowledged: the server cancels the
 * held insert, the transaction rolls back, the caller gets 503 DATABASE_UNAVAILABLE, and nothing of it is
 * in the store. The append lock is released with it, so the next registration goes through.
 */
class CommitBoundTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    private static PostgresTestDatabase database;
    private static CommandSideNode node;
    private static LateCommits lateCommits;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresTestDatabase.create();
        node = CommandSideNode.start(database, "etax.database.statement-timeout=" + BOUND);
        lateCommits = LateCommits.install(database);
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(lateCommits, node, database);
    }

    @Test
    @DisplayName("A registration held past the statement bound answers 503 problem+json with Retry-After and stores nothing")
    void commitPastTheBoundIsNotAcknowledged() throws Exception {
        long eventsBefore = registrationsStored();
        int gate = lateCommits.arm();
        Instant sent = Instant.now();
        HttpJson.Response held = register(node.http(), residentIdNumber(), phone());
        Duration answeredAfter = Duration.between(sent, Instant.now());
        lateCommits.release(gate);

        assertThat(held.status()).as(held.raw()).isEqualTo(503);
        assertThat(held.contentType()).startsWith("application/problem+json");
        assertThat(held.text("code")).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(held.text("message_zh")).isNotBlank();
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(held.headers().firstValue("Consistency-Token")).isEmpty();
        assertThat(answeredAfter).isLessThan(BOUND.plusSeconds(10));
        assertThat(registrationsStored()).isEqualTo(eventsBefore);

        HttpJson.Response next = register(node.http(), residentIdNumber(), phone());
        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        assertThat(registrationsStored()).isEqualTo(eventsBefore + 1);
    }

    private static long registrationsStored() throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery(
                     "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%NaturalPersonRegistered'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
