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
import gov.etax.identity.query.infrastructure.config.EventStoreNotifications;
import gov.etax.identity.query.support.QuerySideNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Where no NOTIFY wakes the query side (H2, the database of {@code make run}; or PostgreSQL with
 * notifications switched off) it polls the event table, and new accounts still show within moments.
 * On H2 the node is started as {@code make run} starts it, with no setting about notifications.
 */
class EventStorePollingTest {

    /** Polls come every 50 ms; the rest is room for a slow, shared machine. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static String auditor;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http(), PostgresTestDatabase.isH2()
                ? List.of() : List.of("etax.event-store.notifications.enabled=false"));
        auditor = staffToken(commandNode.http(), "AUDITOR");
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("REG-2: without NOTIFY the query side polls and shows each new account")
    void pollingShowsNewAccounts() {
        assertThat(queryNode.hasBean(EventStoreNotifications.class)).isFalse();
        for (int i = 0; i < 3; i++) {
            HttpJson.Response registered = register(commandNode.http(), residentIdNumber(), phone());
            assertThat(registered.status()).isEqualTo(201);
            String personId = registered.text("personId");

            await().atMost(WITHIN).untilAsserted(() ->
                    assertThat(queryNode.http().as(auditor).get("/api/persons/" + personId + "/account").status())
                            .isEqualTo(200));
        }
    }
}
