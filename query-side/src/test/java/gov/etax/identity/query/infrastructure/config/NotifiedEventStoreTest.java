package gov.etax.identity.query.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The streams the query side's pooled processors read call them back when new events arrive;
 * without that, Axon's coordinator looks again only every 500 ms (docs/performance.md).
 */
class NotifiedEventStoreTest {

    private final NotifiedEventStore store = new NotifiedEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            // Long enough that only the store's own wake-up (a commit here, NOTIFY in production) can explain a fetch.
            .fetchDelay(Duration.ofMinutes(10).toMillis()));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    @DisplayName("A stream takes an availability callback and runs it once new events can be read")
    void callsBackWhenEventsArrive() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).isTrue();

            store.publish(GenericEventMessage.asEventMessage("first"));

            await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > 0);
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        }
    }

    @Test
    @DisplayName("A closed stream is no longer called back")
    void closedStreamIsForgotten() {
        AtomicInteger closedCalls = new AtomicInteger();
        AtomicInteger openCalls = new AtomicInteger();
        TrackingEventStream closed = store.openStream(null);
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        closed.close();
        try (TrackingEventStream open = store.openStream(null)) {
            open.setOnAvailableCallback(openCalls::incrementAndGet);

            store.publish(GenericEventMessage.asEventMessage("second"));

            await().atMost(Duration.ofSeconds(10)).until(() -> openCalls.get() > 0);
            assertThat(closedCalls).hasValue(0);
        }
    }
}
