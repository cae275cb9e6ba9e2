package gov.etax.identity.command.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An aggregate's events read in batches limited by count (SnapshotConfiguration), on H2. */
class AggregateEventsByCountTest {

    @Test
    @DisplayName("An aggregate's events are read whole, over several batches and across gaps in the sequence")
    void wholeAcrossBatchesAndGaps() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:events-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        JdbcEventStorageEngine engine = SnapshotConfiguration.aggregatesReadByCount(JdbcEventStorageEngine.builder())
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .schema(new EventSchema())
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);

        // 99 and 150 missing: a batch cut by a range of sequence numbers would come back short there.
        List<Long> stored = LongStream.range(0, 250).filter(n -> n != 99 && n != 150).boxed().toList();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stored.forEach(n -> events.add(new GenericDomainEventMessage<>("Person", "person-1", n, "event " + n)));
        engine.appendEvents(events);
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Person", "person-2", 0, "another person's")));

        assertThat(engine.readEvents("person-1").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(stored);
        assertThat(engine.readEvents("person-1", 240).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(stored.subList(stored.indexOf(240L), stored.size()));
    }
}
