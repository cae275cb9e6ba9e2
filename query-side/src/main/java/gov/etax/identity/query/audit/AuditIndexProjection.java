package gov.etax.identity.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.kernel.privacy.Masking;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The audit index and the relationship periods (docs/architecture.md, "Audit"). It handles every
 * event, but indexes the rows as the event store holds them: the handler notes each event's stored
 * texts, and when the processor's batch commits, the batch's events are indexed with the same text
 * comparisons the scan makes ({@link AuditSubjects}). Each authorization
 * with an event in the batch is folded again from all its events into its period row.
 *
 * <p>Its segments follow the aggregate (Axon's default sequencing), so what an aggregate learned
 * is always written before its next event is handled.
 */
@Component
@ProcessingGroup(AuditIndexProjection.PROCESSING_GROUP)
public class AuditIndexProjection {

    public static final String PROCESSING_GROUP = "audit";
    private static final String BATCH = AuditIndexProjection.class.getName();

    private final EventStoreReader events;
    private final AuditIndexWrites writes;
    private final PersonalDataReader personalData;
    private final ObjectMapper json;
    private final Serializer serializer;

    AuditIndexProjection(EventStoreReader events, AuditIndexWrites writes, PersonalDataReader personalData,
                         ObjectMapper json, @Qualifier("eventSerializer") Serializer serializer) {
        this.events = events;
        this.serializer = serializer;
        this.writes = writes;
        this.personalData = personalData;
        this.json = json;
    }

    /**
     * Every event, as the store holds it: the payload and metadata texts are those the message was read
     * from (Axon hands back its serialized form when asked with the serializer that read it), so nothing
     * is deserialized and nothing read back.
     */
    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        StoredEvent stored = stored(event, token.position().orElseThrow());
        if (!CurrentUnitOfWork.isStarted()) {
            index(List.of(stored));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<StoredEvent> batch = root.getOrComputeResource(BATCH, key -> {
            List<StoredEvent> noted = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> index(noted));
            return noted;
        });
        batch.add(stored);
    }

    private StoredEvent stored(EventMessage<?> event, long globalIndex) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metadata = event.serializeMetaData(serializer, String.class);
        return new StoredEvent(globalIndex, event.getIdentifier(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), domain.getType(), event.getTimestamp(), payload.getType().getName(),
                payload.getData(), metadata.getData());
    }

    @ResetHandler
    void reset() {
        writes.reset();
    }

    private void index(List<StoredEvent> rows) {
        Set<String> aggregates = new LinkedHashSet<>();
        rows.forEach(row -> aggregates.add(row.aggregateId()));
        Map<String, Set<AuditSubjects.Subject>> learned = writes.learned(aggregates);
        List<Object[]> subjectEvents = new ArrayList<>();
        List<Object[]> learnedSubjects = new ArrayList<>();
        List<Object[]> eventTimes = new ArrayList<>();
        Set<String> authorizations = new LinkedHashSet<>();
        for (StoredEvent row : rows) {
            Set<AuditSubjects.Subject> known = learned.get(row.aggregateId());
            Set<AuditSubjects.Subject> before = new LinkedHashSet<>(known);
            for (AuditSubjects.Subject subject : AuditSubjects.of(row, known)) {
                subjectEvents.add(new Object[] {subject.kind(), subject.value(), row.globalIndex()});
            }
            for (AuditSubjects.Subject subject : known) {
                if (!before.contains(subject)) {
                    learnedSubjects.add(new Object[] {row.aggregateId(), subject.kind(), subject.value(), row.globalIndex()});
                }
            }
            eventTimes.add(new Object[] {row.globalIndex(), nanos(row.timestamp())});
            if (row.aggregateId().startsWith("authorization-")) {
                authorizations.add(row.aggregateId());
            }
        }
        writes.index(subjectEvents, learnedSubjects, eventTimes);
        writes.replacePeriods(authorizations, periods(authorizations));
    }

    private List<Object[]> periods(Set<String> authorizations) {
        if (authorizations.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredEvent>> byAuthorization = new LinkedHashMap<>();
        for (StoredEvent event : events.ofAggregates(authorizations)) {
            byAuthorization.computeIfAbsent(event.aggregateId(), key -> new ArrayList<>()).add(event);
        }
        // The period row keeps only the masked document of a holder named by document: nothing else is opened.
        OpenedEvents opened = new OpenedEvents(personalData, json, "holderDocumentNumber"::equals);
        List<Object[]> rows = new ArrayList<>();
        byAuthorization.values().forEach(story -> RelationshipPeriod.fold(story, opened, json)
                .ifPresent(period -> rows.add(row(period))));
        return rows;
    }

    /** The period's row, in the column order of {@link AuditIndexWrites#replacePeriods}. */
    private static Object[] row(RelationshipPeriod period) {
        JsonNode view = period.view();
        JsonNode granting = period.grantingPayload();
        String namedHolder = RelationshipPeriod.value(granting, "holderPersonId");
        String documentType = null;
        String documentMasked = null;
        String document = view.path("holder").path("documentNumber").asText(null);
        if (namedHolder == null && document != null && !document.startsWith("[")) {
            documentType = view.path("holder").path("documentType").asText(null);
            documentMasked = Masking.documentNumber(document);
        }
        JsonNode granted = view.path("granted");
        JsonNode confirmed = view.get("confirmed");
        JsonNode ended = view.get("ended");
        String validUntil = view.path("validUntil").asText(null);
        return new Object[] {period.authorizationId(), period.grantedGlobalIndex(), view.path("role").asText(null),
                view.path("uscc").asText(null), view.path("agencyUscc").asText(null), namedHolder, documentType,
                documentMasked, view.path("holder").path("personId").asText(null), granted.path("event").asText(),
                nanos(Instant.parse(granted.path("at").asText())), granted.path("by").asText(null),
                confirmed == null ? null : nanos(Instant.parse(confirmed.path("at").asText())),
                confirmed == null ? null : confirmed.path("by").asText(null),
                ended == null ? null : ended.path("how").asText(null),
                ended == null ? null : nanos(Instant.parse(ended.path("effectiveAt").asText())),
                ended == null ? null : ended.path("by").asText(null),
                validUntil == null ? null : java.sql.Date.valueOf(LocalDate.parse(validUntil)),
                period.inForceFrom() == null ? null : nanos(period.inForceFrom()),
                period.inForceUntil() == null ? null : nanos(period.inForceUntil())};
    }

    /** Nanoseconds since the epoch: exact for every instant up to the year 2262. */
    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
