package gov.etax.identity.query.infrastructure.config;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, told when another process committed events. Its producer thread
 * otherwise learns of them only when its fetch delay runs out; Axon wakes it after a local commit,
 * and this node never commits events, so the wake-up comes from PostgreSQL's NOTIFY instead
 * ({@link EventStoreNotifications}).
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** New events are in the table: fetch now if the producer is waiting. */
    public void eventsCommitted() {
        afterCommit(List.of());
    }
}
