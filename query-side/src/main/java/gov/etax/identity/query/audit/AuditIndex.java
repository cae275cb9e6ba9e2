package gov.etax.identity.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the audit index and the relationship periods written by {@link AuditIndexProjection}.
 * The index is complete up to its {@link #position() position}; the reads here never look above
 * it, the caller scans the events above it (the tail) itself.
 */
@Component
class AuditIndex {

    private final JdbcTemplate jdbc;
    private final EventStoreReader events;
    private final org.axonframework.config.Configuration axon;

    AuditIndex(JdbcTemplate jdbc, EventStoreReader events, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.events = events;
        this.axon = axon;
    }

    /**
     * The global index up to which every event is indexed: the lowest position every segment's
     * stored token has passed without a gap below it; -1 before the projection has a token. Read
     * from {@code tokenentry}, so it holds for the segments other nodes work on too.
     */
    long position() {
        List<Long> positions = jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?", (rs, row) -> {
            byte[] token = rs.getBytes(1);
            String type = rs.getString(2);
            if (token == null || type == null) {
                return -1L;
            }
            TrackingToken stored = WrappedToken.unwrapLowerBound(axon.serializer().deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null))));
            if (stored instanceof GapAwareTrackingToken gapAware) {
                return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
            }
            return stored == null ? -1L : stored.position().orElse(-1L);
        }, AuditIndexProjection.PROCESSING_GROUP);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1L);
    }

    /**
     * The indexed events up to {@code upTo} that pass every subject criterion of the filter and
     * whose timestamp is in its range, oldest first, a page at a time.
     */
    void events(EventFilter filter, long upTo, Consumer<StoredEvent> consumer) {
        List<String[]> subjects = new ArrayList<>();
        if (filter.authorizationId() != null) {
            subjects.add(new String[] {AuditSubjects.AUTHORIZATION, filter.authorizationId()});
        }
        if (filter.personId() != null) {
            subjects.add(new String[] {AuditSubjects.PERSON, filter.personId()});
        }
        if (filter.uscc() != null) {
            subjects.add(new String[] {AuditSubjects.USCC, filter.uscc()});
        }
        if (subjects.isEmpty()) {
            timeWindow(filter, upTo, consumer);
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT s.global_index FROM audit_subject_event s "
                + "WHERE s.subject_kind = ? AND s.subject = ? AND s.global_index > ? AND s.global_index <= ?");
        List<Object> arguments = new ArrayList<>(List.of(subjects.get(0)[0], subjects.get(0)[1]));
        List<Object> conditions = new ArrayList<>();
        for (String[] other : subjects.subList(1, subjects.size())) {
            sql.append(" AND EXISTS (SELECT 1 FROM audit_subject_event o WHERE o.subject_kind = ? AND o.subject = ? "
                    + "AND o.global_index = s.global_index)");
            conditions.add(other[0]);
            conditions.add(other[1]);
        }
        if (filter.from() != null || filter.to() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM audit_event_time t WHERE t.global_index = s.global_index "
                    + "AND t.epoch_nano >= ? AND t.epoch_nano < ?)");
            conditions.add(from(filter));
            conditions.add(to(filter));
        }
        sql.append(" ORDER BY s.global_index LIMIT ").append(EventStoreReader.PAGE);
        long after = -1;
        while (true) {
            List<Object> values = new ArrayList<>(arguments);
            values.add(after);
            values.add(upTo);
            values.addAll(conditions);
            List<Long> page = jdbc.queryForList(sql.toString(), Long.class, values.toArray());
            events.byGlobalIndex(page).forEach(consumer);
            if (page.size() < EventStoreReader.PAGE) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    /**
     * Only a time range: the first and last indexed event in it bound a range of global indexes,
     * read in order. Timestamps follow the global order but for events written concurrently, so the
     * range holds little beyond the answer; the caller's time check drops that.
     */
    private void timeWindow(EventFilter filter, long upTo, Consumer<StoredEvent> consumer) {
        // "+ 0": a bare MIN/MAX lets PostgreSQL walk the primary key until a row in the range turns up,
        // which for an empty range is the whole table whenever its statistics are stale.
        Long[] bounds = jdbc.queryForObject("SELECT MIN(global_index + 0), MAX(global_index + 0) FROM audit_event_time "
                        + "WHERE epoch_nano >= ? AND epoch_nano < ? AND global_index <= ?",
                (rs, row) -> new Long[] {(Long) rs.getObject(1, Long.class), (Long) rs.getObject(2, Long.class)},
                from(filter), to(filter), upTo);
        if (bounds == null || bounds[0] == null) {
            return;
        }
        events.forEach(bounds[0] - 1, "globalindex <= ?", List.of(bounds[1]), consumer);
    }

    private static long from(EventFilter filter) {
        return filter.from() == null ? Long.MIN_VALUE : AuditIndexProjection.nanos(filter.from());
    }

    private static long to(EventFilter filter) {
        return filter.to() == null ? Long.MAX_VALUE : AuditIndexProjection.nanos(filter.to());
    }

    /** The aggregates that had learned the subject by {@code upTo} (see {@link AuditSubjects}). */
    Set<String> learned(String kind, String subject, long upTo) {
        if (subject == null) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.queryForList("SELECT aggregate_id FROM audit_learned_subject "
                + "WHERE subject_kind = ? AND subject = ? AND learned_at <= ?", String.class, kind, subject, upTo));
    }

    /** Authorizations whose period names the enterprise (as itself or as the tax agency), in force at {@code at} if given. */
    Set<String> periodsOfEnterprise(String uscc, Instant at) {
        return periods("(uscc = ? OR agency_uscc = ?)", List.of(uscc, uscc), at);
    }

    /** Authorizations whose first event named the person as holder, or named by document a holder with this document. */
    Set<String> periodsOfHolder(String personId, String documentType, String documentMasked, Instant at) {
        if (documentMasked == null) {
            return periods("named_holder_person_id = ?", List.of(personId), at);
        }
        Set<String> named = periods("named_holder_person_id = ?", List.of(personId), at);
        named.addAll(periods("named_holder_person_id IS NULL AND holder_document_masked = ? AND holder_document_type = ?",
                List.of(documentMasked, documentType), at));
        return named;
    }

    private Set<String> periods(String condition, List<Object> arguments, Instant at) {
        List<Object> values = new ArrayList<>(arguments);
        String sql = "SELECT authorization_id FROM audit_relationship_period WHERE " + condition;
        if (at != null) {
            sql += " AND in_force_from <= ? AND (in_force_until IS NULL OR in_force_until > ?)";
            long instant = AuditIndexProjection.nanos(at);
            values.add(instant);
            values.add(instant);
        }
        return new LinkedHashSet<>(jdbc.queryForList(sql, String.class, values.toArray()));
    }

    /** The authorizations with an event above {@code position}: their periods may not be in the table yet. */
    Set<String> authorizationsAbove(long position) {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT DISTINCT aggregateidentifier FROM domainevententry "
                + "WHERE globalindex > ? AND aggregateidentifier LIKE 'authorization-%'", String.class, position));
    }
}
