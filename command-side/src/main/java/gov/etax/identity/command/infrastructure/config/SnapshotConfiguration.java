package gov.etax.identity.command.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Snapshots of long histories (the person module's trigger says when): a person who has logged in
 * ten thousand times would otherwise replay ten thousand events for every command.
 *
 * <p>The event store engine is the one Axon's auto-configuration builds (same schema, serializers,
 * upcasters, snapshot filter), except for the snapshot serializer: aggregates keep private fields
 * without getters, which the general serializer (used for events, commands, tokens) does not see. A
 * dedicated Jackson mapper reads and writes fields only, so events are read exactly as before.
 *
 * <p>Aggregates carry {@code @Revision}; Axon's {@code RevisionSnapshotFilter} (from
 * {@code configuration.snapshotFilter()}) then ignores a snapshot of another revision and the
 * aggregate is rebuilt from its events. Bump the revision whenever an aggregate's state changes shape.
 *
 * <p>An aggregate's events are read in batches of at most {@link #AGGREGATE_BATCH} rows, limited by
 * count rather than by a range of sequence numbers (Axon's JDBC default), so a shorter batch is the
 * last one whatever gaps the sequence may have: every load is one query instead of two, the second
 * only finding nothing.
 */
@org.springframework.context.annotation.Configuration
public class SnapshotConfiguration {

    /** Events of one aggregate read per query; past the snapshot there are fewer (PersonSnapshots). */
    static final int AGGREGATE_BATCH = 100;

    @Bean
    public EventStorageEngine eventStorageEngine(PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return aggregatesReadByCount(JdbcEventStorageEngine.builder())
                .snapshotSerializer(snapshotSerializer())
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /** An aggregate's events in batches limited by count; a shorter batch is the last. */
    static JdbcEventStorageEngine.Builder aggregatesReadByCount(JdbcEventStorageEngine.Builder builder) {
        builder.batchSize(AGGREGATE_BATCH)
                .finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH);
        return builder.readEventDataForAggregate(SnapshotConfiguration::readAggregateEvents);
    }

    /**
     * The aggregate's events from {@code firstSequenceNumber} on, at most {@code batchSize} of them
     * (FETCH FIRST: standard SQL, PostgreSQL and H2 alike; the unique index on identifier and
     * sequence number serves it).
     */
    static PreparedStatement readAggregateEvents(Connection connection, EventSchema schema, String identifier,
                                                 long firstSequenceNumber, int batchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " >= ?"
                + " ORDER BY " + schema.sequenceNumberColumn() + " ASC FETCH FIRST " + batchSize + " ROWS ONLY");
        statement.setString(1, identifier);
        statement.setLong(2, firstSequenceNumber);
        return statement;
    }

    /** Fields only, whatever their visibility; no getters, so nothing derived sneaks in. */
    static Serializer snapshotSerializer() {
        return JacksonSerializer.builder().objectMapper(snapshotMapper()).build();
    }

    static ObjectMapper snapshotMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.AUTO_DETECT_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_SETTERS)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }
}
