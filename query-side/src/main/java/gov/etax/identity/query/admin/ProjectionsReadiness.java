package gov.etax.identity.query.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health {@code projections}, part of readiness: after a start this node answers queries only once every
 * projection is within {@code etax.readiness.max-lag} events (default 100) of the head of the event store,
 * so a restarted node is not sent traffic while its read models are hundreds of events old. Progress is
 * the lowest stored token over each projection's segments, or this node's live position where it is
 * further, so a node that claims none of a projection's segments (another node works them) judges by the
 * shared tokens. Once caught up it stays ready: later lag is load, not a start, and is reported by
 * {@code /api/admin/projections}.
 */
@Component("projections")
public class ProjectionsReadiness extends AbstractHealthIndicator {

    private final ProjectionMonitor monitor;
    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final long maxLag;
    private volatile boolean caughtUp;

    public ProjectionsReadiness(ProjectionMonitor monitor, JdbcTemplate jdbc, Configuration axon,
                                @Value("${etax.readiness.max-lag:100}") long maxLag) {
        super("Projections check failed");
        this.monitor = monitor;
        this.jdbc = jdbc;
        this.axon = axon;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (caughtUp) {
            builder.up().withDetail("caughtUpSinceStart", true);
            return;
        }
        long head = monitor.head();
        Map<String, Long> behind = new LinkedHashMap<>();
        for (ProjectionStatus status : monitor.statuses()) {
            Long stored = storedPosition(status.name());
            long position = stored == null ? -1 : stored;
            int segments = segments(status.name());
            if (status.position() != null && segments > 0 && status.segments().size() >= segments) {
                position = Math.max(position, status.position()); // all its segments run here: live is fresher
            }
            behind.put(status.name(), Math.max(0, head - Math.max(position, 0)));
        }
        boolean ready = head == 0 || (!behind.isEmpty() && behind.values().stream().allMatch(lag -> lag <= maxLag));
        builder.withDetail("head", head).withDetail("behind", behind).withDetail("maxLag", maxLag);
        if (ready) {
            caughtUp = true;
            builder.up();
        } else {
            builder.outOfService();
        }
    }

    private int segments(String processor) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class,
                processor);
        return count == null ? 0 : count;
    }

    /** The lowest position over the projection's stored segment tokens; null while it has none. */
    private Long storedPosition(String processor) {
        Long[] lowest = {null};
        boolean[] unknown = {false};
        jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?", rs -> {
            byte[] token = rs.getBytes(1);
            String type = rs.getString(2);
            TrackingToken tracking = token == null || type == null ? null : WrappedToken.unwrapLowerBound(
                    axon.serializer().deserialize(new SimpleSerializedObject<>(token, byte[].class,
                            new SimpleSerializedType(type, null))));
            if (tracking == null || tracking.position().isEmpty()) {
                unknown[0] = true;
            } else {
                long position = tracking.position().getAsLong();
                lowest[0] = lowest[0] == null ? position : Math.min(lowest[0], position);
            }
        }, processor);
        return unknown[0] ? null : lowest[0];
    }
}
