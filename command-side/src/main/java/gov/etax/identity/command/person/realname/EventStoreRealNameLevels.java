package gov.etax.identity.command.person.realname;

import gov.etax.identity.command.person.realname.RealNameLevels;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.RealNameLevelRaised;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The level from the person's own events; an early answer, the aggregate records the raise. */
@Component
public class EventStoreRealNameLevels implements RealNameLevels {

    private final EventStore eventStore;

    public EventStoreRealNameLevels(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public RealNameLevel of(PersonId person) {
        AtomicReference<RealNameLevel> level = new AtomicReference<>(RealNameLevel.LEVEL_4);
        // From the first event: readEvents(id) alone would start at the person's snapshot.
        eventStore.readEvents(person.value(), 0).asStream().map(message -> message.getPayload()).forEach(payload -> {
            if (payload instanceof NaturalPersonRegistered registered) {
                level.set(registered.realNameLevel());
            } else if (payload instanceof NaturalPersonMigrated migrated) {
                level.set(migrated.realNameLevel());
            } else if (payload instanceof RealNameLevelRaised raised) {
                level.set(raised.to());
            }
        });
        return level.get();
    }
}
