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
 * The query side hears of new events through PostgreSQL's NOTIFY, not by waiting for its next poll:
 * the node here polls only every ten minutes, so an account that shows within seconds was fetched
 * because the command side's commit woke it.
 */
class EventStoreNotificationsTest {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    private static PostgresTestDatabase database;
    private static CommandSideNode commandNode;
    private static QuerySideNode queryNode;
    private static String auditor;

    @BeforeAll
    static void start() {
        database = PostgresTestDatabase.create();
        commandNode = CommandSideNode.start(database);
        queryNode = QuerySideNode.start(database, commandNode.http(),
                List.of("etax.event-store.notifications.fetch-delay=10m"));
        auditor = staffToken(commandNode.http(), "AUDITOR");
        await().atMost(WITHIN).until(() -> queryNode.bean(EventStoreNotifications.class).listening());
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryNode, commandNode, database);
    }

    @Test
    @DisplayName("REG-2: every registration's commit wakes the query side, which shows the account without polling")
    void commitsWakeTheQuerySide() {
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
