package gov.etax.identity.query.infrastructure.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's embedded event store, told when another process committed events, and telling the pooled
 * processors when new events are there to read.
 *
 * <p>Two waits stood between a commit on the command side and a read model (docs/performance.md,
 * "Read-model lag"). The store's producer learns of new rows only when its fetch delay runs out:
 * Axon wakes it after a local commit, and this node never commits events, so PostgreSQL's NOTIFY
 * wakes it instead ({@link EventStoreNotifications}, {@link #eventsCommitted()}). And a pooled
 * processor whose stream cannot call it back when events arrive looks again only every 500 ms
 * (Axon's Coordinator); the embedded store's streams cannot, so each stream handed out here can:
 * one watcher follows the head of the store and runs the registered callbacks whenever the
 * producer has brought new events.
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(NotifiedEventStore.class);

    private final Set<Runnable> availabilityCallbacks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean shutDown;
    private volatile Thread watcher;

    NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** New events are in the table: fetch now if the producer is waiting. */
    public void eventsCommitted() {
        afterCommit(List.of());
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        TrackingEventStream stream = super.openStream(trackingToken);
        if (watching.compareAndSet(false, true)) {
            // Opened here, not in the thread: whatever is published after this call returns wakes the callbacks.
            TrackingEventStream head = super.openStream(createHeadToken());
            Thread thread = new Thread(() -> watchHead(head), "event-store-head-watcher");
            thread.setDaemon(true);
            watcher = thread;
            thread.start();
        }
        return new CallingBackStream(stream);
    }

    @Override
    public void shutDown() {
        shutDown = true;
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
        super.shutDown();
    }

    /** A tailing consumer of its own: it wakes exactly when the producer hands new events to all. */
    private void watchHead(TrackingEventStream first) {
        TrackingEventStream next = first;
        while (!shutDown) {
            try (TrackingEventStream head = next != null ? next : super.openStream(createHeadToken())) {
                next = null;
                while (!shutDown) {
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        availabilityCallbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store's own readers retry on their own; this only loses the early wake-up meanwhile.
                if (!shutDown) {
                    log.warn("Watching the head of the event store failed ({}); processors poll until it is back", e.toString());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** The embedded store's stream, with the availability callback Axon's pooled processors ask for. */
    private final class CallingBackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private CallingBackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                availabilityCallbacks.remove(previous);
            }
            callback = onAvailable;
            availabilityCallbacks.add(onAvailable);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                availabilityCallbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
