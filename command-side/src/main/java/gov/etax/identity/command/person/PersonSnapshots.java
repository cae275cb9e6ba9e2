package gov.etax.identity.command.person;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When a {@link NaturalPerson} is snapshotted; how snapshots are stored is infrastructure's. */
@Configuration
public class PersonSnapshots {

    /**
     * A snapshot once a command has counted {@code threshold} events, replayed or appended. 50, 100
     * and 500 measured alike; 100 bounds a load at 99 events past the snapshot while writing half
     * as many snapshots as 50 (docs/performance.md, "Long histories and snapshots"). A very large
     * value turns snapshots off.
     */
    @Bean(NaturalPerson.SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition naturalPersonSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${etax.snapshots.natural-person.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
