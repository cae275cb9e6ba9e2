package gov.etax.identity.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The auditors' reads, all straight from the event store (never from the current-state tables):
 * filtered event histories, relationship periods at an instant, the story of one authorization.
 */
@Component
public class AuditTrail {

    private final EventStoreReader events;
    private final PersonalDataReader personalData;
    private final ObjectMapper json;

    public AuditTrail(EventStoreReader events, PersonalDataReader personalData, ObjectMapper json) {
        this.events = events;
        this.personalData = personalData;
        this.json = json;
    }

    OpenedEvents opener() {
        return new OpenedEvents(personalData, json);
    }

    /** Every matching event, opened, oldest first, one at a time. */
    void events(EventFilter filter, Consumer<ObjectNode> lines) {
        OpenedEvents opened = opener();
        EventFilter.Matcher matcher = filter.matcher();
        events.forEach(filter.condition(), Arrays.asList(filter.arguments()), event -> {
            if (matcher.matches(event)) {
                lines.accept(opened.render(event));
            }
        });
    }

    /** The authorization's events (and the enterprise events naming it) and its period; empty if unknown. */
    Optional<ObjectNode> authorization(String authorizationId) {
        OpenedEvents opened = opener();
        ArrayNode story = json.createArrayNode();
        RelationshipPeriod[] period = new RelationshipPeriod[1];
        EventFilter.Matcher matcher = new EventFilter(null, null, authorizationId, null, null).matcher();
        events.forEach("aggregateidentifier = ? OR aggregateidentifier LIKE 'enterprise-%'", List.of(authorizationId),
                event -> {
                    if (!matcher.matches(event)) {
                        return;
                    }
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

    /** Relationships of the enterprise (as the enterprise, or as the tax agency of a client). */
    List<ObjectNode> enterpriseRelationships(String uscc, Instant at) {
        return relationships(event -> event.names(uscc), (event, payload) ->
                uscc.equals(RelationshipPeriod.value(payload, "uscc"))
                        || uscc.equals(RelationshipPeriod.value(payload, "clientUscc"))
                        || uscc.equals(RelationshipPeriod.value(payload, "agencyUscc")), at);
    }

    /**
     * Relationships the person held: named as holder by id, or (a legal representative or finance
     * manager named before registering) by the same identity document, compared decrypted.
     */
    List<ObjectNode> personRelationships(String personId, Instant at) {
        OpenedEvents opened = opener();
        String[] document = new String[2];
        events.forEach("aggregateidentifier = ? AND sequencenumber = 0", List.of(personId), event -> {
            JsonNode payload = opened.payload(event);
            document[0] = RelationshipPeriod.value(payload, "documentType");
            document[1] = RelationshipPeriod.value(payload, "documentNumber");
        });
        boolean documentKnown = document[1] != null && !OpenedEvents.ERASED.equals(document[1]);
        return relationships(event -> event.names(personId) || (documentKnown && !event.payload().contains("\"holderPersonId\":{")),
                (event, payload) -> {
                    String holder = RelationshipPeriod.value(payload, "holderPersonId");
                    if (holder != null) {
                        return holder.equals(personId);
                    }
                    return documentKnown && document[0].equals(RelationshipPeriod.value(payload, "holderDocumentType"))
                            && document[1].equals(RelationshipPeriod.value(payload, "holderDocumentNumber"));
                }, at);
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
