package gov.etax.identity.query.audit;

import java.time.Instant;

/**
 * One row of the event store as the command side wrote it: payload and metadata are the JSON that
 * Axon's Jackson serializer stored, personal data still sealed.
 *
 * @param aggregateType the aggregate's type as Axon recorded it (e.g. {@code Authorization})
 * @param payloadType   the event's class name
 */
public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequenceNumber, String aggregateType,
                          Instant timestamp, String payloadType, String payload, String metadata) {

    /** The event's simple name, e.g. {@code StaffNominated}. */
    public String eventType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** Whether the payload holds this exact string value somewhere (ids, USCCs; never part of a ciphertext). */
    public boolean names(String value) {
        return payload.contains("\"" + value + "\"");
    }
}
