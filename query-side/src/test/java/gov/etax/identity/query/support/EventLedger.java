package gov.etax.identity.query.support;

import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.query.account.PersonAccountProjection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Counts, across application restarts, how often the account projection's processor delivered
 * each event. It sits in the same processing group, so it shares the projection's tokens. Not a
 * scanned component: only the tests that pass it to {@code QuerySideNode.start} have it.
 */
@ProcessingGroup(PersonAccountProjection.PROCESSING_GROUP)
public class EventLedger {

    public static final Map<String, Integer> DELIVERIES = new ConcurrentHashMap<>();

    @EventHandler
    void on(NaturalPersonRegistered event, @MessageIdentifier String eventId) {
        DELIVERIES.merge(eventId, 1, Integer::sum);
    }
}
