package gov.etax.identity.query.infrastructure.config;

import java.util.stream.Stream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine as the query side uses it: it only reads the event table, which the command side
 * writes, and it reads it for every commit there (docs/performance.md, "Projecting a sign-in and a registration").
 *
 * <ul>
 *   <li>No transaction around a read: each read is one statement (the batch, or the look past an empty
 *       window), which sees committed rows alike in autocommit, and a transaction cost the node and
 *       PostgreSQL a BEGIN and a COMMIT per statement, and a JPA session per read.</li>
 *   <li>The store's producer (the one caller that may wait, {@code mayBlock}) gets one batch per stream. It
 *       reads again at once whenever a stream brought events and stops only after a read that found none,
 *       so the batches after the first are still read, without a stream ending in a read that finds
 *       nothing before the producer's own such read. The private streams of processors behind the producer
 *       read until a batch is empty, as Axon does.</li>
 * </ul>
 */
final class EventTableReader extends JdbcEventStorageEngine {

    private EventTableReader(Builder builder) {
        super(builder);
    }

    /** The engine {@code builder} describes, reading without transactions. */
    static EventTableReader of(Builder builder) {
        return new EventTableReader(builder.transactionManager(NoTransactionManager.INSTANCE));
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(trackingToken, false);
        }
        // Lazy like Axon's stream: nothing is read before the producer consumes it.
        return Stream.of(batchSize()).flatMap(size -> fetchTrackedEvents(trackingToken, size).stream());
    }
}
