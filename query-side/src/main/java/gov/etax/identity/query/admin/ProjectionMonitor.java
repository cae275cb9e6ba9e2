package gov.etax.identity.query.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Status and replay of the query side's projections (Axon streaming processors, one per
 * processing group). On PostgreSQL a replay is a rebuild beside the live tables ({@link ProjectionRebuild}),
 * which this monitor follows once a second; on H2 it is in place, as described below.
 *
 * <p>A projection counts as replaying from the moment a reset is asked for until its processor,
 * started again, has claimed every segment, none of them is replaying any more and all have
 * caught up with the event store. Between shutdown and the first claims Axon itself reports
 * nothing, so that window is covered by this node's own flag.
 *
 * <p>Speed is measured from position samples this monitor takes once a second ({@link ProjectionSpeed}).
 */
@Component
public class ProjectionMonitor implements DisposableBean {

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionMonitor.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ProjectionRebuild rebuild;
    private final Set<String> resetsUnderWay = ConcurrentHashMap.newKeySet();
    private final ProjectionSpeed speed = new ProjectionSpeed();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-monitor");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionMonitor(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProjectionRebuild rebuild) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.rebuild = rebuild;
        sampler.scheduleAtFixedRate(this::sampleAll, 1, 1, TimeUnit.SECONDS);
    }

    /** The names of all streaming projections, sorted. */
    public List<String> names() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private StreamingEventProcessor existing(String name) {
        return processor(name).orElseThrow(() -> ProjectionAdminReason.PROJECTION_NOT_FOUND.refusal()
                .with("projection", name));
    }

    /** The highest global index in the event store (0 when it is empty). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    public ProjectionStatus status(String name) {
        return status(name, existing(name), head());
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        List<ProjectionStatus> all = new ArrayList<>();
        for (String name : names()) {
            processor(name).ifPresent(processor -> all.add(status(name, processor, head)));
        }
        return all;
    }

    /**
     * Whether the named projection is being rebuilt on this node, so that its read model is
     * partial. Unknown names are never replaying.
     */
    public boolean isReplaying(String name) {
        if (resetsUnderWay.contains(name)) {
            return true;
        }
        return processor(name).map(ProjectionMonitor::replaying).orElse(false);
    }

    private static boolean replaying(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(ProjectionMonitor::rebuilding);
    }

    /**
     * Whether a segment is still rebuilding. Axon keeps a segment's token a replay token until an
     * event <em>beyond</em> the reset position arrives, which on a quiet event store may take long;
     * a segment that has caught up with the store and passed its reset position has a complete
     * read model, so it no longer counts.
     */
    static boolean rebuilding(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        if (!segment.isCaughtUp()) {
            return true;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isPresent() && (current.isEmpty() || current.getAsLong() < reset.getAsLong());
    }

    /**
     * Rebuilds the projection: on PostgreSQL beside its live tables ({@link ProjectionRebuild}), which keep
     * answering; on H2 in place: shuts the processor down, resets its tokens (its {@code @ResetHandler}s clear
     * the read model) and starts it again.
     */
    public ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = existing(name);
        if (rebuild.available()) {
            rebuild.start(List.of(name));
            return status(name);
        }
        if (!processor.supportsReset()) {
            throw ProjectionAdminReason.PROJECTION_NOT_RESETTABLE.refusal().with("projection", name);
        }
        synchronized (processor) {
            resetsUnderWay.add(name);
            boolean started = false;
            try {
                LOG.info("Replaying projection {}: shutting down", name);
                processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                try {
                    processor.resetTokens();
                    speed.restarted(name);
                } finally {
                    processor.start();
                    started = true;
                }
                LOG.info("Replaying projection {}: started again from the beginning of the event store", name);
            } catch (RuntimeException e) {
                resetsUnderWay.remove(name); // the reset's transaction rolled back: the old model stands
                throw e;
            } catch (InterruptedException e) {
                resetsUnderWay.remove(name);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while resetting " + name, e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                resetsUnderWay.remove(name);
                throw new IllegalStateException("could not shut down " + name + " for a replay", e);
            } finally {
                if (!started) {
                    processor.start();
                }
            }
        }
        return status(name);
    }

    /**
     * After a switch the live tokens have moved to the rebuild's position and lost their owner: the processor
     * is started again so that it claims them at once instead of at its next claim round. Other nodes' processors
     * find their claims lost at their next batch or claim extension and take the tokens up then.
     */
    private void takeUpTokens(String name) {
        processor(name).ifPresent(processor -> {
            synchronized (processor) {
                processor.shutDown();
                processor.start();
            }
        });
    }

    /** Rebuilds every projection: on PostgreSQL in one rebuild that reads the event store once, on H2 each in place. */
    public List<ProjectionStatus> replayAll() {
        if (rebuild.available()) {
            rebuild.start(names());
            return statuses();
        }
        names().forEach(this::replay);
        return statuses();
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<ProjectionStatus.SegmentStatus> segmentStatuses = segments.values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(s -> new ProjectionStatus.SegmentStatus(s.getSegment().getSegmentId(), s.getSegment().getMask(),
                        position(s.getCurrentPosition()), rebuilding(s), s.isCaughtUp(),
                        s.isErrorState() ? String.valueOf(s.getError()) : null))
                .toList();
        Long position = position(processor);
        boolean complete = covered(segments);
        boolean replaying = isReplaying(name);
        boolean caughtUp = processor.isRunning() && complete && !replaying
                && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                && position != null && position >= head;
        Double rate = speed.eventsPerSecond(name);
        long behind = Math.max(0, head - (position == null ? 0 : position));
        Duration timeLeft = behind == 0 ? Duration.ZERO
                : rate == null || rate <= 0 ? null : Duration.ofMillis((long) Math.ceil(behind / rate * 1000));
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(), replaying, caughtUp, position,
                head, behind, rate, timeLeft == null ? null : timeLeft.toString(),
                timeLeft == null ? null : (timeLeft.toMillis() + 999) / 1000, segmentStatuses, rebuild.status(name, head));
    }

    /** The position every claimed segment has passed: the lowest of their positions. */
    private static Long position(StreamingEventProcessor processor) {
        OptionalLong lowest = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        return lowest.isPresent() ? lowest.getAsLong() : null;
    }

    private static Long position(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** Whether the claimed segments together cover the whole stream (on this node). */
    private static boolean covered(Map<Integer, EventTrackerStatus> segments) {
        double sum = segments.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        return !segments.isEmpty() && Math.abs(sum - 1.0) < 1e-9;
    }

    /** Once a second: a position sample per projection, the end of replays that have caught up, the rebuild's switch. */
    void sampleAll() {
        try {
            rebuild.tick().forEach(this::takeUpTokens);
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the rebuild", e);
        }
        try {
            long now = System.nanoTime();
            for (String name : names()) {
                processor(name).ifPresent(processor -> {
                    Long position = position(processor);
                    if (position != null) {
                        speed.sample(name, now, position);
                    }
                    Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
                    if (resetsUnderWay.contains(name) && processor.isRunning() && covered(segments)
                            && !replaying(processor)
                            && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                        resetsUnderWay.remove(name);
                        LOG.info("Projection {} has caught up after its replay", name);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not sample the projections' progress", e);
        }
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }
}
