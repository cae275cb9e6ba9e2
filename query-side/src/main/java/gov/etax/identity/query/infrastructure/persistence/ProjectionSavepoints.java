package gov.etax.identity.query.infrastructure.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
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
 * One savepoint per event inside the transaction of a projection's batch, so that an event a projection
 * cannot handle is set aside (dead-lettered) alone: its writes are undone and the batch, with the
 * dead letter, commits. On PostgreSQL a failed statement aborts the whole transaction, so without the
 * savepoint the dead letter could not even be written.
 *
 * <p>As interceptor it takes the savepoint around each event (live, and when dead letters are
 * retried); as listener error handler it rolls back to it the moment a handler fails, before Axon's
 * dead-lettering invoker catches the error, and then lets the error through (a handler error that is
 * only logged would skip the event for good). Writes still held in memory are part of the event too:
 * the JPA persistence context is flushed before each savepoint and cleared on a rollback, and
 * {@link BatchedWrites} forgets the statements the failed event added.
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
        flush();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Deque<Point> points = unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayDeque<>());
        Point point = new Point(connection, connection.setSavepoint(), writes.pendingCounts());
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
        LOG.warn("{} could not handle event {} ({}); it is set aside in the dead-letter queue",
                eventHandler.getTargetType().getSimpleName(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                exception);
        if (CurrentUnitOfWork.isStarted()) {
            Deque<Point> points = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (points != null && !points.isEmpty()) {
                rollBack(points.peek());
            }
        }
        throw exception;
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
        private final Map<String, Integer> pendingWrites;
        private boolean rolledBack;

        private Point(Connection connection, Savepoint savepoint, Map<String, Integer> pendingWrites) {
            this.connection = connection;
            this.savepoint = savepoint;
            this.pendingWrites = pendingWrites;
        }
    }
}
