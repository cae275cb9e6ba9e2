package gov.etax.identity.query.admin;

import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health {@code deadLetters}: {@code DEGRADED} while any projection has events it could not handle, with the
 * count per projection. Not part of readiness, and answered with 200: the node still serves every
 * aggregate but the parked ones, and another node reads the same read models, so taking it out of the load
 * balancer would not help (docs/operations.md, "Dead letters (query side)").
 */
@Component("deadLetters")
public class DeadLettersHealth extends AbstractHealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Some events are parked in a dead-letter queue");

    private final ProjectionDeadLetters deadLetters;

    public DeadLettersHealth(ProjectionDeadLetters deadLetters) {
        super("Dead letters check failed");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> counts = deadLetters.counts();
        boolean any = counts.values().stream().anyMatch(count -> count > 0);
        builder.status(any ? DEGRADED : Status.UP).withDetail("deadLetters", counts);
    }
}
