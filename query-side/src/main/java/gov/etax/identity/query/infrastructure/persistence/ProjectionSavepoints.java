package gov.etax.identity.query.infrastructure.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A savepoint before an event that may fail, inside the transaction of a projection's batch, so that an
 * event a projection cannot handle is set aside (dead-lettered) alone: its writes are undone and the
 * batch, with the dead letter, commits. On PostgreSQL a failed statement aborts the whole transaction,
 * so without the savepoint the dead letter could not even be written.
 *
 * <p>Savepoints cost two round trips per event, so a batch runs without them first (docs/adr/0040):
 * when an event of such a batch fails, the error fails the whole batch instead ({@link SavepointNeeded},
 * a fault of the moment for the parking policy) and the event is remembered in {@link SuspectEvents};
 * the processor handles the batch again, this time with a savepoint before that event, which is then
 * set aside alone. Dead letters being retried always run under their savepoint.
 *
 * <p>As interceptor it takes the savepoint around the event; as listener error handler it rolls back to
 * it the moment a handler fails, before Axon's dead-lettering invoker catches the error, and then lets the
 * error through (a handler error that is only logged would skip the event for good). Writes still held in
 * memory are part of the event too: the JPA persistence context is flushed before each savepoint and
 * cleared on a rollback, and {@link BatchedWrites} forgets the statements the failed event added.
 *
 * <p>A failure inside the JPA session itself marks the whole transaction for rollback (Hibernate does
 * so for every persistence exception); such a batch fails as a whole and its processor retries it,
 * with the segment reported in error.
 */
public class ProjectionSavepoints implements MessageHandlerInterceptor<EventMessage<?>>, ListenerInvocationErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionSavepoints.class);
    private static final String RESOURCE = ProjectionSavepoints.class.getName();

    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final BatchedWrites writes;
    private final SuspectEvents suspects = new SuspectEvents();

    public ProjectionSavepoints(DataSource dataSource, EntityManagerFactory entityManagerFactory, BatchedWrites writes) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.writes = writes;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return interceptorChain.proceed();
        }
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?>
                && !suspects.contains(unitOfWork.getMessage().getIdentifier())) {
            return interceptorChain.proceed();
        }
        flush();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Deque<Point> points = unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayDeque<>());
        Point point = new Point(connection, connection.setSavepoint(), writes.mark());
        points.push(point);
        try {
            return interceptorChain.proceed();
        } catch (Exception | Error e) {
            rollBack(point);
            throw e;
        } finally {
            points.remove(point);
            release(point);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler eventHandler) throws Exception {
        Point point = currentPoint();
        if (point == null && CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>) {
            suspects.add(event.getIdentifier());
            LOG.info("{} could not handle event {} ({}) in a batch without savepoints; the batch is handled again "
                            + "with a savepoint before it", eventHandler.getTargetType().getSimpleName(),
                    event.getIdentifier(), event.getPayloadType().getSimpleName());
            throw new SavepointNeeded(event.getIdentifier(), exception);
        }
        LOG.warn("{} could not handle event {} ({}); it is set aside in the dead-letter queue",
                eventHandler.getTargetType().getSimpleName(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                exception);
        if (point != null) {
            rollBack(point);
        }
        throw exception;
    }

    private static Point currentPoint() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Deque<Point> points = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        return points == null ? null : points.peek();
    }

    private void flush() {
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(entityManagerFactory);
        if (holder != null) {
            holder.getEntityManager().flush();
        }
    }

    private void rollBack(Point point) throws SQLException {
        if (point.rolledBack) {
            return;
        }
        point.rolledBack = true;
        point.connection.rollback(point.savepoint);
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(entityManagerFactory);
        if (holder != null) {
            holder.getEntityManager().clear();
        }
        writes.discardSince(point.pendingWrites);
    }

    private static void release(Point point) {
        try {
            point.connection.releaseSavepoint(point.savepoint);
        } catch (SQLException e) {
            // the transaction failed past the savepoint and is rolled back as a whole anyway
            LOG.debug("Savepoint not released", e);
        }
    }

    private static final class Point {
        private final Connection connection;
        private final Savepoint savepoint;
        private final BatchedWrites.Mark pendingWrites;
        private boolean rolledBack;

        private Point(Connection connection, Savepoint savepoint, BatchedWrites.Mark pendingWrites) {
            this.connection = connection;
            this.savepoint = savepoint;
            this.pendingWrites = pendingWrites;
        }
    }
}
