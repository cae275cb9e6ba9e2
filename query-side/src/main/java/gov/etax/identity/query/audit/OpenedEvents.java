package gov.etax.identity.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns stored events into what an auditor reads: the payload with every sealed field
 * ({@code {"ciphertext": ...}}) opened, and the metadata (who acted, trace and causation).
 *
 * <p>The data key of an event's personal data is always that of its own aggregate: a person's
 * under the person id, an authorization holder's under the authorization id, a cross-region
 * matter's handler under the matter id, an offline collection's under the collection id. A subject
 * whose key was deleted (forgotten) shows {@value #ERASED}. One instance per request: it caches the
 * keys it opened, at most two pages' worth at a time.
 */
public final class OpenedEvents {

    public static final String ERASED = "[erased]";
    static final String UNREADABLE = "[unreadable]";
    private static final String SEALED = "\"ciphertext\"";
    private static final int KEYS_CACHED = 2 * EventStoreReader.PAGE;

    private final PersonalDataReader personalData;
    private final ObjectMapper json;
    private final Predicate<String> fieldsOpened;
    private final Map<String, Optional<PersonalDataReader.Opener>> openers = new HashMap<>();

    OpenedEvents(PersonalDataReader personalData, ObjectMapper json) {
        this(personalData, json, field -> true);
    }

    /**
     * Opens only the sealed fields named so: a reader that keeps only some of the personal data (the
     * audit index keeps only a masked document) opens nothing else. The others stay sealed as stored.
     */
    OpenedEvents(PersonalDataReader personalData, ObjectMapper json, Predicate<String> fieldsOpened) {
        this.personalData = personalData;
        this.json = json;
        this.fieldsOpened = fieldsOpened;
    }

    /** The event as one NDJSON line's object. */
    public ObjectNode render(StoredEvent event) {
        ObjectNode line = header(event);
        line.set("payload", payload(event));
        line.set("metadata", metadata(event));
        return line;
    }

    private ObjectNode header(StoredEvent event) {
        ObjectNode line = json.createObjectNode();
        line.put("globalIndex", event.globalIndex());
        line.put("eventId", event.eventId());
        line.put("timestamp", event.timestamp().toString());
        line.put("aggregateType", event.aggregateType());
        line.put("aggregateId", event.aggregateId());
        line.put("sequenceNumber", event.sequenceNumber());
        line.put("eventType", event.eventType());
        return line;
    }

    /**
     * The event as one NDJSON line to be written out, not read: what holds nothing sealed (the
     * metadata, most payloads) is copied as stored, JSON that Axon's serializer wrote, instead of
     * being parsed and written again.
     */
    public ObjectNode writable(StoredEvent event) {
        ObjectNode line = header(event);
        if (event.payload() != null && !event.payload().contains(SEALED) && isObject(event.payload())) {
            line.putRawValue("payload", new RawValue(event.payload()));
        } else {
            line.set("payload", payload(event));
        }
        if (event.metadata() != null && isObject(event.metadata())) {
            line.putRawValue("metadata", new RawValue(event.metadata()));
        } else {
            line.set("metadata", metadata(event));
        }
        return line;
    }

    private static boolean isObject(String text) {
        return text.startsWith("{") && text.endsWith("}");
    }

    /** The payload with its personal data opened. */
    public JsonNode payload(StoredEvent event) {
        return opened(parse(event.payload()), event.aggregateId());
    }

    public JsonNode metadata(StoredEvent event) {
        return event.metadata() == null ? json.createObjectNode() : parse(event.metadata());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private JsonNode opened(JsonNode node, String subject) {
        if (node instanceof ObjectNode object) {
            JsonNode ciphertext = object.get("ciphertext");
            if (object.size() == 1 && ciphertext != null && ciphertext.isTextual()) {
                return TextNode.valueOf(open(subject, ciphertext.asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (fieldsOpened.test(field.getKey())) {
                    field.setValue(opened(field.getValue(), subject));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, opened(array.get(i), subject));
            }
        }
        return node;
    }

    /**
     * Reads, in one round trip, the keys of the subjects of these events that hold sealed data and
     * are not cached yet: called with each page of an export before its events are rendered.
     */
    void prepare(List<StoredEvent> events) {
        Set<String> wanted = new LinkedHashSet<>();
        for (StoredEvent event : events) {
            if (!openers.containsKey(event.aggregateId()) && event.payload() != null && event.payload().contains(SEALED)) {
                wanted.add(event.aggregateId());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        if (openers.size() + wanted.size() > KEYS_CACHED) {
            openers.clear();
        }
        openers.putAll(personalData.forSubjects(wanted));
    }

    /** One sealed value, opened under the subject's key. */
    public String open(String subject, String ciphertext) {
        if (openers.size() >= KEYS_CACHED && !openers.containsKey(subject)) {
            openers.clear();
        }
        try {
            Optional<PersonalDataReader.Opener> opener = openers.computeIfAbsent(subject, personalData::forSubject);
            return opener.isEmpty() ? ERASED : opener.get().open(new EncryptedText(ciphertext));
        } catch (RuntimeException e) {
            return UNREADABLE; // a key that does not unwrap, or data sealed under another subject
        }
    }
}
