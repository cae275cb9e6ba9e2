package gov.etax.identity.query.infrastructure.config;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The query side learns of new events only by reading the event table. Axon's default waits a
 * whole second between reads once it has caught up, which made a new account appear 0.5–1.5 s
 * after its registration (docs/performance.md); a short delay keeps the read models close behind.
 * Defining the event store means defining its engine too: Axon's auto-configuration backs off
 * from both once either exists. This is the same JDBC engine it would build, read-only here.
 *
 * <p>{@code etax.event-store.batch-size}: events per read of a processor's stream (Axon's default
 * 100); a replay reads the whole table through it once per projection (docs/performance.md, "Replay
 * of a million events").
 */
@org.springframework.context.annotation.Configuration
public class EventStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${etax.event-store.batch-size:100}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         @Value("${etax.event-store.fetch-delay:50ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }
}
