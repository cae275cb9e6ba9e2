package gov.etax.identity.query.audit;

import gov.etax.identity.kernel.time.ChinaStandardTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One authorization folded from its events: the period in which the relationship was in force,
 * who asked for it, who confirmed it and how it ended. A relationship revoked and granted again is
 * a second authorization, hence a second period.
 */
final class RelationshipPeriod {


    private final ObjectNode view;
    private JsonNode grantingPayload;
    private long grantedGlobalIndex;
    private Instant inForceFrom;
    private Instant endedAt;
    private Instant validityEnd;

    private RelationshipPeriod(ObjectNode view) {
        this.view = view;
    }

    /** Whether this event starts an authorization (sequence 0 of an {@code authorization-} aggregate). */
    static boolean starts(StoredEvent event) {
        return event.aggregateId().startsWith("authorization-") && event.sequenceNumber() == 0;
    }

    /** The period begun by a starting event, its payload already opened. */
    static RelationshipPeriod begin(StoredEvent event, JsonNode payload, JsonNode metadata, ObjectMapper json) {
        ObjectNode view = json.createObjectNode();
        RelationshipPeriod period = new RelationshipPeriod(view);
        period.grantingPayload = payload;
        period.grantedGlobalIndex = event.globalIndex();
        view.put("authorizationId", event.aggregateId());
        String type = event.eventType();
        boolean agency = "TaxAgencyRequested".equals(type);
        view.put("uscc", value(payload, agency ? "clientUscc" : "uscc"));
        view.put("enterpriseId", value(payload, agency ? "clientEnterpriseId" : "enterpriseId"));
        if (agency) {
            view.put("agencyUscc", value(payload, "agencyUscc"));
        }
        view.put("role", switch (type) {
            case "LegalRepresentativeBound" -> "LEGAL_REPRESENTATIVE";
            case "FinanceManagerReported" -> "FINANCE_MANAGER";
            case "TaxAgencyRequested" -> "TAX_AGENT";
            default -> value(payload, "role");
        });
        put(view, "taxOfficerIdentity", value(payload, "taxOfficerIdentity"));
        if (payload.hasNonNull("scopes")) {
            view.set("scopes", payload.get("scopes"));
        }
        String validUntil = value(payload, "validUntil");
        put(view, "validUntil", validUntil);
        if (validUntil != null) {
            // The last day of validity is a whole day in China Standard Time (Validity.endOf).
            period.validityEnd = LocalDate.parse(validUntil).plusDays(1).atStartOfDay(ChinaStandardTime.ZONE).toInstant();
        }
        ObjectNode holder = view.putObject("holder");
        put(holder, "personId", value(payload, "holderPersonId"));
        put(holder, "documentType", value(payload, "holderDocumentType"));
        put(holder, "documentNumber", value(payload, "holderDocumentNumber"));
        put(holder, "name", value(payload, "holderName"));

        ObjectNode granted = step(view, "granted", type, event, metadata);
        switch (type) {
            case "LegalRepresentativeBound" -> {
                put(granted, "by", value(payload, "boundBy"));
                put(granted, "source", value(payload, "source"));
                period.inForceFrom = event.timestamp(); // in force at once (ACC-3)
            }
            case "FinanceManagerReported" -> put(granted, "by", value(payload, "reportedBy"));
            case "StaffNominated" -> {
                put(granted, "by", value(payload, "nominatedBy"));
                put(granted, "as", value(payload, "nominatedAs"));
            }
            case "TaxAgencyRequested" -> {
                put(granted, "by", value(payload, "requestedBy"));
                put(granted, "as", value(payload, "requestedAs"));
                put(granted, "initiatedBy", value(payload, "initiatedBy"));
            }
            default -> {
            }
        }
        return period;
    }

    /**
     * One authorization's events (oldest first) folded as the scan folds them; empty without its
     * starting event.
     */
    static java.util.Optional<RelationshipPeriod> fold(java.util.List<StoredEvent> events, OpenedEvents opened,
                                                       ObjectMapper json) {
        RelationshipPeriod period = null;
        for (StoredEvent event : events) {
            if (period != null) {
                period.apply(event, opened.payload(event), opened.metadata(event));
            } else if (starts(event)) {
                period = begin(event, opened.payload(event), opened.metadata(event), json);
            }
        }
        return java.util.Optional.ofNullable(period);
    }

    /** The opened payload of the event that started it: whom and which enterprise it concerns. */
    JsonNode grantingPayload() {
        return grantingPayload;
    }

    long grantedGlobalIndex() {
        return grantedGlobalIndex;
    }

    /** A later event of the same authorization. */
    void apply(StoredEvent event, JsonNode payload, JsonNode metadata) {
        String type = event.eventType();
        switch (type) {
            case "AuthorizationConfirmed" -> {
                ObjectNode confirmed = step(view, "confirmed", type, event, metadata);
                put(confirmed, "by", value(payload, "confirmedBy"));
                put(confirmed, "for", value(payload, "confirmedFor"));
                put(confirmed, "confirmation", value(payload, "confirmation"));
                put(confirmed, "faceVerificationId", value(payload, "faceVerificationId"));
                inForceFrom = event.timestamp();
                ObjectNode holder = (ObjectNode) view.get("holder");
                if (!holder.hasNonNull("personId") && !"TAX_AGENT".equals(view.path("role").asText())) {
                    put(holder, "personId", value(payload, "confirmedBy"));
                }
            }
            case "AuthorizationRejected" -> ended(type, event, metadata, "REJECTED", value(payload, "rejectedBy"),
                    value(payload, "rejectedFor"), event.timestamp());
            case "AuthorizationWithdrawn" -> ended(type, event, metadata, "WITHDRAWN", value(payload, "withdrawnBy"),
                    value(payload, "withdrawnFor"), event.timestamp());
            case "RelationshipRevoked" -> {
                ObjectNode ended = ended(type, event, metadata, "REVOKED", value(payload, "revokedBy"),
                        value(payload, "revokedFor"), event.timestamp());
                put(ended, "side", value(payload, "side"));
                put(ended, "reason", value(payload, "reason"));
            }
            case "AuthorizationExpired" -> {
                String effectiveAt = value(payload, "effectiveAt");
                Instant effective = effectiveAt == null ? event.timestamp() : Instant.parse(effectiveAt);
                ended(type, event, metadata, "EXPIRED", null, null, effective);
            }
            default -> {
                // AuthorizationConfirmationRefused changes nothing; it stays in the event history.
            }
        }
    }

    private ObjectNode ended(String type, StoredEvent event, JsonNode metadata, String how, String by, String forUscc,
                             Instant effective) {
        ObjectNode ended = step(view, "ended", type, event, metadata);
        ended.put("how", how);
        ended.put("effectiveAt", effective.toString());
        put(ended, "by", by);
        put(ended, "for", forUscc);
        if (endedAt == null) {
            endedAt = effective;
        }
        return ended;
    }

    private static ObjectNode step(ObjectNode view, String name, String type, StoredEvent event, JsonNode metadata) {
        ObjectNode step = view.putObject(name);
        step.put("event", type);
        step.put("at", event.timestamp().toString());
        step.put("globalIndex", event.globalIndex());
        step.set("metadata", metadata);
        return step;
    }

    String authorizationId() {
        return view.get("authorizationId").asText();
    }

    /** The first instant it was in force, or null if it never was. */
    Instant inForceFrom() {
        return inForceFrom;
    }

    /** The first instant it no longer was: ended, or past its end of validity even before that was recorded. */
    Instant inForceUntil() {
        if (inForceFrom == null) {
            return null;
        }
        Instant until = endedAt;
        if (validityEnd != null && (until == null || validityEnd.isBefore(until))) {
            until = validityEnd;
        }
        return until;
    }

    boolean inForceAt(Instant at) {
        Instant until = inForceUntil();
        return inForceFrom != null && !at.isBefore(inForceFrom) && (until == null || at.isBefore(until));
    }

    ObjectNode view() {
        ObjectNode copy = view.deepCopy();
        put(copy, "inForceFrom", inForceFrom == null ? null : inForceFrom.toString());
        Instant until = inForceUntil();
        put(copy, "inForceUntil", until == null ? null : until.toString());
        return copy;
    }

    /** A field's value: plain, or an id/value object ({@code {"value": ...}}). */
    static String value(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() && node.has("value")) {
            return node.get("value").asText();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
