package gov.etax.identity.query.admin;

import gov.etax.identity.query.infrastructure.config.NotifiedEventStore;
import gov.etax.identity.query.infrastructure.persistence.ReadModelTables;
import gov.etax.identity.query.infrastructure.persistence.Rebuilds;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections without taking them away from their readers (PostgreSQL; docs/adr/0041).
 *
 * <p>A rebuild is a processor of its own, {@value #PROCESSOR}, with one segment and its own row in
 * {@code tokenentry}, reading the event store once from its beginning for every projection rebuilt (the
 * asked one and those sharing a table with it, {@link RebuiltTables}) through the same handler beans. Its
 * transactions put schema {@value ReadModelTables#SHADOW} first on their search path, where empty copies of
 * those projections' tables are: every unqualified statement of the handlers writes the copies, while the
 * live processors go on writing the tables in {@code public} that readers read. Tokens, dead letters, events
 * and data keys exist only in {@code public} and resolve there. Handlers of a class marked
 * {@link DisallowReplay} (subscription-query updates) are left out, and {@link Rebuilds#inProgress()} tells
 * the others.
 *
 * <p>Once the rebuild has caught up with the head of the event store, {@link #tick} switches the tables in
 * one transaction: it locks the live tables (readers and live batches wait, a few milliseconds usually),
 * then the live tokens, waits until the rebuild has reached the furthest of them, locks the copies and the
 * rebuild's token, drops the live tables and moves the copies to {@code public}, sets every live token to
 * the rebuild's and clears its owner, so that each node's live processor takes it up again from there.
 * A read sees the old tables or the new ones, never a mix. A lock not granted within {@link #LOCK_TIMEOUT},
 * shorter than PostgreSQL's deadlock timeout, rolls the attempt back and it is tried again a second later:
 * the switch gives way rather than a reader.
 *
 * <p>An event a rebuilt handler cannot handle ends the rebuild: the copies are dropped, the live tables
 * stay, and the status shows the failure. It is not parked: the dead-letter queue belongs to the live
 * processors.
 */
@Component
public class ProjectionRebuild implements DisposableBean {

    static final String PROCESSOR = "rebuild";
    /** Below PostgreSQL's deadlock_timeout (1 s): a reader waiting behind the switch never reaches it. */
    static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ListableBeanFactory beans;
    private final Configuration axon;
    private final NotifiedEventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ReadModelTables tables;
    private final int batchSize;
    private final Duration switchWait;
    private final Duration claimTimeout;
    private final ProjectionSpeed speed = new ProjectionSpeed();
    private final Map<String, Finished> finished = new ConcurrentHashMap<>();
    private volatile Run current;

    public ProjectionRebuild(ListableBeanFactory beans, Configuration axon, NotifiedEventStore eventStore,
                             TokenStore tokenStore, TransactionManager axonTransactionManager, JdbcTemplate jdbc,
                             DataSource dataSource, ReadModelTables tables,
                             @Value("${etax.projections.rebuild.batch-size:500}") int batchSize,
                             @Value("${etax.projections.rebuild.switch-wait:2s}") Duration switchWait,
                             @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.beans = beans;
        this.axon = axon;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = axonTransactionManager;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tables = tables;
        this.batchSize = batchSize;
        this.switchWait = switchWait;
        this.claimTimeout = claimTimeout;
    }

    /** Whether this database rebuilds beside the live tables; H2 replays in place instead. */
    boolean available() {
        return tables.rebuildsAside();
    }

    /**
     * Starts rebuilding these projections and those sharing a table with them.
     *
     * @throws gov.etax.identity.kernel.refusal.Refusal {@code PROJECTION_REBUILD_RUNNING} while a rebuild runs on any node
     */
    synchronized void start(List<String> asked) {
        List<String> projections = RebuiltTables.rebuiltWith(asked);
        List<String> rebuilt = RebuiltTables.of(projections);
        if (current != null || !claim()) {
            throw ProjectionAdminReason.PROJECTION_REBUILD_RUNNING.refusal().with("projection", String.join(",", asked));
        }
        try {
            tables.prepareShadow(rebuilt);
            Run run = new Run(projections, rebuilt, Instant.now());
            run.processor = processor(run);
            projections.forEach(finished::remove);
            speed.restarted(PROCESSOR);
            current = run;
            run.processor.start();
            LOG.info("Rebuilding {} into {} beside the live tables", projections, ReadModelTables.SHADOW);
        } catch (RuntimeException e) {
            current = null;
            discard(rebuilt);
            throw e;
        }
    }

    /**
     * Takes the rebuild's row in {@code tokenentry}, which makes it the only one across nodes. A row whose
     * claim has expired belongs to a node that stopped during a rebuild: its copies are dropped and the row
     * taken over.
     */
    private boolean claim() {
        try {
            insertClaimedRow();
            return true;
        } catch (DuplicateKeyException running) {
            List<String> owners = jdbc.query("SELECT owner, timestamp FROM tokenentry WHERE processorname = ?",
                    (rs, row) -> rs.getString(1) == null || rs.getString(2) == null
                            || Instant.parse(rs.getString(2)).isBefore(Instant.now().minus(claimTimeout)) ? null : rs.getString(1),
                    PROCESSOR);
            if (owners.stream().anyMatch(Objects::nonNull)) {
                return false;
            }
            LOG.warn("Dropping a rebuild whose node stopped before it finished");
            discard(List.copyOf(RebuiltTables.all()));
            insertClaimedRow();
            return true;
        }
    }

    /**
     * The row is claimed from the start, under the owner name Axon's token store gives this node, so that
     * another node does not take it for a left-over before the processor's first claim.
     */
    private void insertClaimedRow() {
        jdbc.update("INSERT INTO tokenentry (processorname, segment, owner, timestamp) VALUES (?, 0, ?, ?)", PROCESSOR,
                ManagementFactory.getRuntimeMXBean().getName(), Instant.now().toString());
    }

    private PooledStreamingEventProcessor processor(Run run) {
        List<Object> handlers = new ArrayList<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            Object bean = beans.getBean(name);
            if (group != null && run.projections.contains(group.value())
                    && !AnnotatedElementUtils.hasAnnotation(AopUtils.getTargetClass(bean), DisallowReplay.class)) {
                handlers.add(bean);
            }
        }
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(ProjectionRebuild.class))
                .listenerInvocationErrorHandler((exception, event, handler) -> {
                    run.failure = handler.getTargetType().getSimpleName() + " could not handle event "
                            + event.getIdentifier() + " (" + event.getPayloadType().getSimpleName() + "): " + exception;
                    throw exception;
                })
                .build();
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(new ShadowTransactions(transactions, jdbc))
                .coordinatorExecutor(run.coordinator)
                .workerExecutor(run.worker)
                .initialSegmentCount(1)
                .batchSize(batchSize)
                // its one segment is claimed within a second of the start, not at Axon's 5-second claim round
                .tokenClaimInterval(1000)
                .errorHandler(PropagatingErrorHandler.INSTANCE)
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            Rebuilds.mark(unitOfWork);
            return chain.proceed();
        });
        return processor;
    }

    /**
     * Once a second: progress, and the switch once caught up; or the end of a failed rebuild.
     *
     * @return the projections whose tables were switched in just now; their live processors on this node are
     *         to take up their tokens again
     */
    List<String> tick() {
        Run run = current;
        if (run == null) {
            return List.of();
        }
        OptionalLong position = position(run);
        position.ifPresent(at -> speed.sample(PROCESSOR, System.nanoTime(), at));
        if (run.failure != null) {
            abort(run, run.failure);
            return List.of();
        }
        boolean caughtUp = run.processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isCaughtUp);
        if (caughtUp) {
            try {
                if (switchIn(run)) {
                    done(run);
                    return run.projections;
                }
            } catch (SQLException | RuntimeException e) {
                abort(run, "the switch failed: " + e);
            }
        }
        return List.of();
    }

    /**
     * The switch; false when a lock was not granted in time or the rebuild did not reach the live
     * processors within {@code etax.projections.rebuild.switch-wait}, so that it is tried again.
     */
    private boolean switchIn(Run run) throws SQLException {
        String live = run.projections.stream().map(p -> "?").collect(Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
                sql.execute("LOCK TABLE " + qualified("public", run.tables) + " IN ACCESS EXCLUSIVE MODE");
                long furthestLive = -1;
                try (PreparedStatement tokens = connection.prepareStatement(
                        "SELECT token, tokentype FROM tokenentry WHERE processorname IN (" + live + ") FOR UPDATE")) {
                    bind(tokens, run.projections);
                    try (ResultSet rows = tokens.executeQuery()) {
                        while (rows.next()) {
                            furthestLive = Math.max(furthestLive, position(rows.getBytes(1), rows.getString(2)));
                        }
                    }
                }
                long deadline = System.nanoTime() + switchWait.toNanos();
                while (storedPosition() < furthestLive) {
                    if (System.nanoTime() > deadline || run.failure != null) {
                        connection.rollback();
                        return false;
                    }
                    Thread.sleep(10); // the rebuild commits its next batch meanwhile
                }
                sql.execute("LOCK TABLE " + qualified(ReadModelTables.SHADOW, run.tables) + " IN ACCESS EXCLUSIVE MODE");
                byte[] token;
                String tokenType;
                try (ResultSet rebuilt = sql.executeQuery("SELECT token, tokentype FROM tokenentry WHERE processorname = '"
                        + PROCESSOR + "' FOR UPDATE")) {
                    if (!rebuilt.next() || position(rebuilt.getBytes(1), rebuilt.getString(2)) < furthestLive) {
                        connection.rollback();
                        return false;
                    }
                    token = rebuilt.getBytes(1);
                    tokenType = rebuilt.getString(2);
                }
                try (PreparedStatement handOver = connection.prepareStatement("UPDATE tokenentry SET token = ?, "
                        + "tokentype = ?, owner = NULL WHERE processorname IN (" + live + ")")) {
                    handOver.setBytes(1, token);
                    handOver.setString(2, tokenType);
                    for (int i = 0; i < run.projections.size(); i++) {
                        handOver.setString(i + 3, run.projections.get(i));
                    }
                    handOver.executeUpdate();
                }
                sql.executeUpdate("DELETE FROM tokenentry WHERE processorname = '" + PROCESSOR + "'");
                // Events parked by the live processors were handled by the rebuild: its tables hold them.
                try (PreparedStatement parked = connection.prepareStatement(
                        "DELETE FROM deadletterentry WHERE processinggroup IN (" + live + ")")) {
                    bind(parked, run.projections);
                    parked.executeUpdate();
                }
                try (PreparedStatement swap = connection.prepareStatement("SELECT etax_rebuild_switch(?::text[])")) {
                    swap.setString(1, ReadModelTables.array(run.tables));
                    swap.executeQuery().close();
                }
                connection.commit();
                run.switchedAt = position(token, tokenType);
                return true;
            } catch (SQLException e) {
                connection.rollback();
                if (giveWay(e)) {
                    LOG.info("Switching {} in gave way ({}); trying again", run.projections, e.getMessage());
                    return false;
                }
                throw e;
            } catch (InterruptedException e) {
                connection.rollback();
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Lock not available, deadlock, serialization failure: the attempt yields and is made again. */
    private static boolean giveWay(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    private void done(Run run) {
        LOG.info("Rebuilt {} up to global index {}; its tables answer from now on", run.projections, run.switchedAt);
        // The outcome is recorded before the run is let go, so that a status read in between never finds neither.
        Finished result = new Finished("SWITCHED", run.startedAt, Instant.now(), run.switchedAt, null, run.projections);
        run.projections.forEach(projection -> finished.put(projection, result));
        current = null;
        stop(run);
    }

    private void abort(Run run, String failure) {
        LOG.error("Rebuild of {} failed, the live tables stay: {}", run.projections, failure);
        Finished result = new Finished("FAILED", run.startedAt, Instant.now(), null, failure, run.projections);
        run.projections.forEach(projection -> finished.put(projection, result));
        current = null;
        stop(run);
        discard(run.tables);
    }

    private void stop(Run run) {
        try {
            run.processor.shutDown();
        } finally {
            run.coordinator.shutdownNow();
            run.worker.shutdownNow();
        }
    }

    /** Drops the copies and the rebuild's token row. */
    private void discard(List<String> rebuilt) {
        try {
            tables.discardShadow(rebuilt);
        } finally {
            jdbc.update("DELETE FROM tokenentry WHERE processorname = ?", PROCESSOR);
        }
    }

    /** The rebuild's progress as a projection rebuilt by it sees it; null when none ran on this node. */
    ProjectionStatus.RebuildStatus status(String projection, long head) {
        Run run = current;
        if (run != null && run.projections.contains(projection)) {
            OptionalLong position = position(run);
            Double rate = speed.eventsPerSecond(PROCESSOR);
            long behind = Math.max(0, head - position.orElse(0));
            Duration left = behind == 0 ? Duration.ZERO
                    : rate == null || rate <= 0 ? null : Duration.ofMillis((long) Math.ceil(behind / rate * 1000));
            return new ProjectionStatus.RebuildStatus("REBUILDING", run.projections, run.startedAt.toString(), null,
                    position.isPresent() ? position.getAsLong() : null, behind, rate,
                    left == null ? null : left.toString(), left == null ? null : (left.toMillis() + 999) / 1000, run.failure);
        }
        Finished last = finished.get(projection);
        return last == null ? null : new ProjectionStatus.RebuildStatus(last.state, last.projections,
                last.startedAt.toString(), last.endedAt.toString(), last.position, null, null, null, null, last.failure);
    }

    private static OptionalLong position(Run run) {
        return run.processor.processingStatus().values().stream()
                .map(status -> WrappedToken.unwrapLowerBound(status.getTrackingToken()))
                .filter(Objects::nonNull)
                .mapToLong(token -> token.position().orElse(-1))
                .min();
    }

    /** The rebuild's committed position, -1 before its first batch. */
    private long storedPosition() {
        List<Long> positions = jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, row) -> position(rs.getBytes(1), rs.getString(2)), PROCESSOR);
        return positions.isEmpty() ? -1 : positions.get(0);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken stored = axon.serializer().deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        return stored == null ? -1 : stored.position().orElse(-1);
    }

    private static String qualified(String schema, List<String> names) {
        return names.stream().map(name -> schema + "." + name).collect(Collectors.joining(", "));
    }

    private static void bind(PreparedStatement statement, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
    }

    /** A node that stops gives its rebuild up: the live tables are complete, the copies would only be left behind. */
    @Override
    public void destroy() {
        Run run = current;
        if (run != null) {
            abort(run, "the node stopped");
        }
    }

    private static ScheduledExecutorService thread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static final class Run {
        private final List<String> projections;
        private final List<String> tables;
        private final Instant startedAt;
        private final ScheduledExecutorService coordinator = thread("rebuild-coordinator");
        private final ScheduledExecutorService worker = thread("rebuild-worker");
        private PooledStreamingEventProcessor processor;
        private volatile String failure;
        private volatile long switchedAt;

        private Run(List<String> projections, List<String> tables, Instant startedAt) {
            this.projections = projections;
            this.tables = tables;
            this.startedAt = startedAt;
        }
    }

    private record Finished(String state, Instant startedAt, Instant endedAt, Long position, String failure,
                            List<String> projections) {
    }

    /**
     * The rebuild's transactions: the processor's own, with the copies first on the search path. {@code SET
     * LOCAL} ends with the transaction, so the connection goes back to the pool as it came.
     *
     * <p>Each statement is planned for its own values: the copies start empty and grow by millions of rows
     * before autovacuum first analyzes them, and a prepared statement's generic plan, chosen while they were
     * empty, would scan them whole for every batch.
     */
    private record ShadowTransactions(TransactionManager delegate, JdbcTemplate jdbc) implements TransactionManager {
        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            try {
                jdbc.execute("SET LOCAL search_path TO " + ReadModelTables.SHADOW + ", public");
                jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        }
    }
}
