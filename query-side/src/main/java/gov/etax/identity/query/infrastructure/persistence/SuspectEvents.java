package gov.etax.identity.query.infrastructure.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Identifiers of events a projection failed on in a batch without savepoints: when the processor
 * handles the batch again, these get their savepoint. Bounded, oldest forgotten first: a forgotten
 * event that fails again is only learned again, at the cost of one more attempt of its batch.
 */
final class SuspectEvents {

    private static final int REMEMBERED = 10_000;

    private final Set<String> identifiers = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    void add(String eventIdentifier) {
        identifiers.add(eventIdentifier);
    }

    boolean contains(String eventIdentifier) {
        return identifiers.contains(eventIdentifier);
    }
}
