package gov.etax.identity.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The auditors' reads: filtered event histories, relationship periods at an instant, the story of
 * one authorization. Every answer is events of the store, never current-state tables: the audit
 * index and periods table ({@link AuditIndexProjection}) say which, up to the index's position, a
 * scan above it the rest; the whole-store scans that define the answers stay ({@code scan...}).
 */
@Component
public class AuditTrail {

    private final EventStoreReader events;
    private final AuditIndex index;
    private final PersonalDataReader personalData;
    private final ObjectMapper json;

    public AuditTrail(EventStoreReader events, AuditIndex index, PersonalDataReader personalData, ObjectMapper json) {
        this.events = events;
        this.index = index;
        this.personalData = personalData;
        this.json = json;
    }

    OpenedEvents opener() {
        return new OpenedEvents(personalData, json);
    }

    /**
     * Every matching event, opened, oldest first, one at a time: from the audit index up to its
     * position, then from a scan of the events above it (the tail), which continues with what the
     * index had learned by then. Without a criterion every event is the answer: a scan.
     */
    void events(EventFilter filter, Consumer<ObjectNode> lines) {
        if (!filter.narrowed()) {
            scanEvents(filter, lines);
            return;
        }
        OpenedEvents opened = opener();
        matching(filter, event -> lines.accept(opened.writable(event)));
    }

    private void matching(EventFilter filter, Consumer<StoredEvent> consumer) {
        long position = index.position();
        if (position >= 0) {
            index.events(filter, position, event -> {
                // the index found the subjects; the time is checked once more on the event itself
                if (filter.inRange(event)) {
                    consumer.accept(event);
                }
            });
        }
        EventFilter.Matcher tail = filter.matcher(index.learned(AuditSubjects.PERSON, filter.personId(), position),
                index.learned(AuditSubjects.USCC, filter.uscc(), position));
        events.forEach(position, filter.condition(), Arrays.asList(filter.arguments()), event -> {
            if (tail.matches(event)) {
                consumer.accept(event);
            }
        });
    }

    /** The same answer by reading every event in the store: the definition the index must keep to. */
    void scanEvents(EventFilter filter, Consumer<ObjectNode> lines) {
        OpenedEvents opened = opener();
        EventFilter.Matcher matcher = filter.matcher();
        events.forEachPage(-1, filter.condition(), Arrays.asList(filter.arguments()), page -> {
            List<StoredEvent> matching = page.stream().filter(matcher::matches).toList();
            opened.prepare(matching);
            matching.forEach(event -> lines.accept(opened.writable(event)));
        });
    }

    /** The authorization's events (and the enterprise events naming it) and its period; empty if unknown. */
    Optional<ObjectNode> authorization(String authorizationId) {
        OpenedEvents opened = opener();
        ArrayNode story = json.createArrayNode();
        RelationshipPeriod[] period = new RelationshipPeriod[1];
        matching(new EventFilter(null, null, authorizationId, null, null),
                event -> {
                    ObjectNode line = opened.render(event);
                    story.add(line);
                    if (event.aggregateId().equals(authorizationId)) {
                        if (RelationshipPeriod.starts(event)) {
                            period[0] = RelationshipPeriod.begin(event, line.get("payload"), line.get("metadata"), json);
                        } else if (period[0] != null) {
                            period[0].apply(event, line.get("payload"), line.get("metadata"));
                        }
                    }
                });
        if (period[0] == null) {
            return Optional.empty();
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("authorizationId", authorizationId);
        answer.set("relationship", period[0].view());
        answer.set("events", story);
        return Optional.of(answer);
    }

    /**
     * Relationships of the enterprise (as the enterprise, or as the tax agency of a client), from
     * the periods table (see {@link #fromPeriods}).
     */
    List<ObjectNode> enterpriseRelationships(String uscc, Instant at) {
        long position = index.position();
        return fromPeriods(position, index.periodsOfEnterprise(uscc, at), enterprise(uscc), at);
    }

    /** The same by folding every authorization in the store: the definition the periods table must keep to. */
    List<ObjectNode> scanEnterpriseRelationships(String uscc, Instant at) {
        Selection enterprise = enterprise(uscc);
        return relationships(enterprise.candidate(), enterprise.concerns(), at);
    }

    private static Selection enterprise(String uscc) {
        return new Selection(event -> event.names(uscc), (event, payload) ->
                uscc.equals(RelationshipPeriod.value(payload, "uscc"))
                        || uscc.equals(RelationshipPeriod.value(payload, "clientUscc"))
                        || uscc.equals(RelationshipPeriod.value(payload, "agencyUscc")));
    }

    /**
     * Relationships the person held: named as holder by id, or (a legal representative or finance
     * manager named before registering) by the same identity document, compared decrypted. The
     * periods table finds the latter by document type and masked number; the comparison decides.
     */
    List<ObjectNode> personRelationships(String personId, Instant at) {
        long position = index.position();
        String[] document = document(personId);
        boolean documentKnown = document[1] != null && !document[1].startsWith("[");
        Set<String> periods = index.periodsOfHolder(personId, document[0],
                documentKnown ? Masking.documentNumber(document[1]) : null, at);
        return fromPeriods(position, periods, holder(personId, document), at);
    }

    /** The same by folding every authorization in the store: the definition the periods table must keep to. */
    List<ObjectNode> scanPersonRelationships(String personId, Instant at) {
        Selection holder = holder(personId, document(personId));
        return relationships(holder.candidate(), holder.concerns(), at);
    }

    /** The person's identity document as registered, opened ({@code [erased]} once forgotten); nulls if unknown. */
    private String[] document(String personId) {
        OpenedEvents opened = opener();
        String[] document = new String[2];
        events.forEach("aggregateidentifier = ? AND sequencenumber = 0", List.of(personId), event -> {
            JsonNode payload = opened.payload(event);
            document[0] = RelationshipPeriod.value(payload, "documentType");
            document[1] = RelationshipPeriod.value(payload, "documentNumber");
        });
        return document;
    }

    private static Selection holder(String personId, String[] document) {
        boolean documentKnown = document[1] != null && !OpenedEvents.ERASED.equals(document[1]);
        return new Selection(event -> event.names(personId)
                || (documentKnown && !event.payload().contains("\"holderPersonId\":{")),
                (event, payload) -> {
                    String holder = RelationshipPeriod.value(payload, "holderPersonId");
                    if (holder != null) {
                        return holder.equals(personId);
                    }
                    return documentKnown && document[0].equals(RelationshipPeriod.value(payload, "holderDocumentType"))
                            && document[1].equals(RelationshipPeriod.value(payload, "holderDocumentNumber"));
                });
    }

    /** Which authorizations a relationship question is about: a cheap test on the sealed first event, then one on the opened. */
    private record Selection(Predicate<StoredEvent> candidate, Concerns concerns) {
    }

    /**
     * The periods the table names (read after {@code position}, so it holds every event up to it)
     * and every authorization with an event above the position, each folded from its events and
     * chosen exactly as the scan chooses; in the order they were granted.
     */
    private List<ObjectNode> fromPeriods(long position, Set<String> periods, Selection selection, Instant at) {
        Set<String> candidates = new LinkedHashSet<>(periods);
        candidates.addAll(index.authorizationsAbove(position));
        OpenedEvents opened = opener();
        List<RelationshipPeriod> chosen = new ArrayList<>();
        List<String> all = new ArrayList<>(candidates);
        for (int from = 0; from < all.size(); from += EventStoreReader.PAGE) {
            Map<String, List<StoredEvent>> stories = new LinkedHashMap<>();
            for (StoredEvent event : events.ofAggregates(all.subList(from, Math.min(all.size(), from + EventStoreReader.PAGE)))) {
                stories.computeIfAbsent(event.aggregateId(), key -> new ArrayList<>()).add(event);
            }
            for (List<StoredEvent> story : stories.values()) {
                StoredEvent first = story.get(0);
                if (!RelationshipPeriod.starts(first) || !selection.candidate().test(first)) {
                    continue;
                }
                RelationshipPeriod.fold(story, opened, json).filter(period ->
                                selection.concerns().test(first, period.grantingPayload()) && (at == null || period.inForceAt(at)))
                        .ifPresent(chosen::add);
            }
        }
        chosen.sort(Comparator.comparingLong(RelationshipPeriod::grantedGlobalIndex));
        return chosen.stream().map(RelationshipPeriod::view).toList();
    }

    private interface Concerns {
        boolean test(StoredEvent event, JsonNode openedPayload);
    }

    /**
     * Folds every authorization whose first event passes {@code candidate} (on the sealed text,
     * cheap) and {@code concerns} (on the opened payload); with {@code at}, keeps those in force then. In the order they were granted.
     */
    private List<ObjectNode> relationships(Predicate<StoredEvent> candidate, Concerns concerns, Instant at) {
        OpenedEvents opened = opener();
        Map<String, RelationshipPeriod> periods = new LinkedHashMap<>();
        events.forEach("aggregateidentifier LIKE 'authorization-%'", List.of(), event -> {
            RelationshipPeriod period = periods.get(event.aggregateId());
            if (period != null) {
                period.apply(event, opened.payload(event), opened.metadata(event));
            } else if (RelationshipPeriod.starts(event) && candidate.test(event)) {
                JsonNode payload = opened.payload(event);
                if (concerns.test(event, payload)) {
                    periods.put(event.aggregateId(), RelationshipPeriod.begin(event, payload, opened.metadata(event), json));
                }
            }
        });
        List<RelationshipPeriod> chosen = new ArrayList<>(periods.values());
        if (at != null) {
            chosen.removeIf(period -> !period.inForceAt(at));
        }
        return chosen.stream().map(RelationshipPeriod::view).toList();
    }
}
