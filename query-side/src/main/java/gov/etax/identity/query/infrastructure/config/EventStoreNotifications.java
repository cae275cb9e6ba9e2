package gov.etax.identity.query.infrastructure.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL's {@code etax_events} channel, which the command side's trigger on
 * {@code domainevententry} notifies after every commit that wrote events (migration V12), and wakes
 * the event store's producer. One plain connection of its own: a LISTEN holds its session for the
 * life of the node, which a pooled connection must not. If the connection breaks, the node falls back
 * to polling (the event store's fetch delay) until it is back.
 */
public class EventStoreNotifications implements SmartLifecycle {

    static final String CHANNEL = "etax_events";
    private static final Logger log = LoggerFactory.getLogger(EventStoreNotifications.class);
    /** How long one wait for notifications blocks, so that stop() is heard promptly. */
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 2_000;

    private final String url;
    private final String user;
    private final String password;
    private final NotifiedEventStore eventStore;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public EventStoreNotifications(String url, String user, String password, NotifiedEventStore eventStore) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.eventStore = eventStore;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "event-store-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopped.countDown();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the LISTEN is in place now (for the health of this node and for tests). */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening = true;
                // Events committed while no one listened are fetched now rather than at the next poll.
                eventStore.eventsCommitted();
                log.info("Listening on PostgreSQL channel {} for new events", CHANNEL);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        eventStore.eventsCommitted();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the LISTEN on {} ({}); polling until it is back", CHANNEL, e.getMessage());
                }
            } finally {
                listening = false;
            }
            awaitReconnect();
        }
    }

    private void awaitReconnect() {
        try {
            stopped.await(RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
