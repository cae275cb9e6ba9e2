package gov.etax.identity.query.infrastructure.config;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
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
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The query side learns of new events only by reading the event table. Axon's default waits a
 * whole second between reads once it has caught up, which made a new account appear 0.5–1.5 s
 * after its registration (docs/performance.md). On PostgreSQL the command side's trigger NOTIFYs
 * every commit and this node reads at once; on H2 a short poll keeps the read models close behind.
 * Defining the event store means defining its engine too: Axon's auto-configuration backs off
 * from both once either exists. This is the same JDBC engine it would build, read-only here and
 * reading without transactions ({@link EventTableReader}).
 *
 * <p>{@code etax.event-store.batch-size}: events per read of a processor's stream (Axon's default
 * 100); a replay reads the whole table through it once per projection (docs/performance.md, "Replay
 * of a million events").
 *
 * <p>{@code etax.event-store.gap-timeout}: how long the reader waits for a hole in the global index
 * (Axon's default 60 s). On PostgreSQL appends are serialized to commit order
 * ({@code command-postgresql/V21__appends_in_commit_order.sql}), so a hole the reader sees is a rollback
 * and never fills; tests shorten the timeout to reproduce late commits in seconds.
 */
@org.springframework.context.annotation.Configuration
public class EventStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 @Value("${etax.event-store.batch-size:100}") int batchSize,
                                                 @Value("${etax.event-store.gap-timeout:PT60S}") Duration gapTimeout,
                                                 @Value("${etax.event-store.schema-wait:2m}") Duration schemaWait) {
        EventTable.awaitCreated(connectionProvider, schemaWait);
        return EventTableReader.of(JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(new EventSchema()));
    }

    /**
     * On PostgreSQL the store is woken by NOTIFY ({@link EventStoreNotifications}) and polls only as a
     * fallback, every {@code etax.event-store.notifications.fetch-delay}; elsewhere (H2 for
     * {@code make run}) it polls every {@code etax.event-store.fetch-delay}.
     */
    @Bean
    public NotifiedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         Environment environment) {
        Duration fetchDelay = listensForEvents(environment)
                ? environment.getProperty("etax.event-store.notifications.fetch-delay", Duration.class, Duration.ofSeconds(1))
                : environment.getProperty("etax.event-store.fetch-delay", Duration.class, Duration.ofMillis(50));
        return new NotifiedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis()));
    }

    @Bean
    @Conditional(ListensForEvents.class)
    public EventStoreNotifications eventStoreNotifications(DataSourceProperties dataSource, NotifiedEventStore eventStore) {
        return new EventStoreNotifications(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword(), eventStore);
    }

    static boolean listensForEvents(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:postgresql:")
                && environment.getProperty("etax.event-store.notifications.enabled", Boolean.class, true);
    }

    static class ListensForEvents implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return listensForEvents(context.getEnvironment());
        }
    }
}
