package gov.etax.identity.query.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Which events an auditor asked for; every given criterion must hold. Stateful: it learns, in
 * global order, which aggregates concern the person or enterprise, so one instance serves one scan.
 *
 * <ul>
 *   <li><b>person</b>: the person's own events; every event that names the person id in its payload
 *       (holder, nominator, confirmer, ...) or as the actor in its metadata; and the later events
 *       of an authorization once one of its events named the person.</li>
 *   <li><b>enterprise</b> (USCC): every event naming the USCC (the enterprise's own, the start of
 *       each authorization of it or where it is the tax agency, matters, logins for it), and the
 *       later events of those authorizations, enterprises and matters.</li>
 *   <li><b>authorization</b>: its own events and the enterprise events naming it.</li>
 *   <li><b>time</b>: {@code from} inclusive, {@code to} exclusive, by the event's timestamp.</li>
 * </ul>
 *
 * A legal representative or finance manager named before registering carries no person id in the
 * authorization's first event; the person filter finds such an authorization from its
 * confirmation on (finance manager) or not at all (legal representative). The relationship
 * endpoints match such holders by document instead.
 */
record EventFilter(String personId, String uscc, String authorizationId, Instant from, Instant to) {

    /** The SQL fragment that narrows the scan without losing a match. */
    String condition() {
        return authorizationId == null ? "1 = 1" : "aggregateidentifier = ? OR aggregateidentifier LIKE 'enterprise-%'";
    }

    Object[] arguments() {
        return authorizationId == null ? new Object[0] : new Object[] {authorizationId};
    }

    /** Whether the event's timestamp is in [from, to). */
    boolean inRange(StoredEvent event) {
        return (from == null || !event.timestamp().isBefore(from)) && (to == null || event.timestamp().isBefore(to));
    }

    /** Whether any criterion is given (without one, every event matches). */
    boolean narrowed() {
        return personId != null || uscc != null || authorizationId != null || from != null || to != null;
    }

    Matcher matcher() {
        return new Matcher(new HashSet<>(), new HashSet<>());
    }

    /**
     * A matcher that continues a scan from the middle of the store: it knows already which
     * aggregates concern the person and the enterprise.
     */
    Matcher matcher(Set<String> personAggregates, Set<String> enterpriseAggregates) {
        return new Matcher(personAggregates, enterpriseAggregates);
    }

    final class Matcher {
        private final Set<String> personAggregates;
        private final Set<String> enterpriseAggregates;

        private Matcher(Set<String> personAggregates, Set<String> enterpriseAggregates) {
            this.personAggregates = personAggregates;
            this.enterpriseAggregates = enterpriseAggregates;
        }

        boolean matches(StoredEvent event) {
            // Every criterion is evaluated, so each learns from events another one refuses.
            boolean person = personId == null || concernsPerson(event);
            boolean enterprise = uscc == null || concernsEnterprise(event);
            boolean authorization = authorizationId == null
                    || event.aggregateId().equals(authorizationId) || event.names(authorizationId);
            boolean time = inRange(event);
            return person && enterprise && authorization && time;
        }

        private boolean concernsPerson(StoredEvent event) {
            String aggregate = event.aggregateId();
            if (aggregate.equals(personId) || personAggregates.contains(aggregate)) {
                return true;
            }
            boolean named = event.names(personId);
            if (named && aggregate.startsWith("authorization-")) {
                personAggregates.add(aggregate);
            }
            return named || (event.metadata() != null && event.metadata().contains("\"" + personId + "\""));
        }

        private boolean concernsEnterprise(StoredEvent event) {
            String aggregate = event.aggregateId();
            if (enterpriseAggregates.contains(aggregate)) {
                return true;
            }
            boolean named = event.names(uscc);
            if (named && !aggregate.startsWith("person-")) {
                enterpriseAggregates.add(aggregate);
            }
            return named;
        }
    }
}
