package gov.etax.identity.query.audit;

import gov.etax.identity.query.infrastructure.persistence.ReadModelTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every statement the audit projection writes, in one place: plain INSERT, SELECT and DELETE that
 * PostgreSQL and H2 (MODE=PostgreSQL) both take. A row keyed by a global index is written only by the
 * batch that handles that event; a period is replaced (deleted and inserted) whenever its
 * authorization has a new event.
 */
@Component
class AuditIndexWrites {

    private final JdbcTemplate jdbc;
    private final ReadModelTables tables;

    AuditIndexWrites(JdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * What the aggregates learned in earlier batches; only those that learn anything are asked for
     * ({@link AuditSubjects#learnsSubjects}), so a batch of persons' events (registrations, sign-ins) reads nothing.
     */
    Map<String, Set<AuditSubjects.Subject>> learned(Collection<String> aggregates) {
        Map<String, Set<AuditSubjects.Subject>> learned = new HashMap<>();
        for (String aggregate : aggregates) {
            learned.put(aggregate, new LinkedHashSet<>());
        }
        List<String> learning = aggregates.stream().filter(AuditSubjects::learnsSubjects).toList();
        if (learning.isEmpty()) {
            return learned;
        }
        jdbc.query("SELECT aggregate_id, subject_kind, subject FROM audit_learned_subject WHERE aggregate_id IN ("
                        + placeholders(learning.size()) + ")",
                rs -> {
                    learned.get(rs.getString(1)).add(new AuditSubjects.Subject(rs.getString(2), rs.getString(3)));
                }, learning.toArray());
        return learned;
    }

    void index(List<Object[]> subjectEvents, List<Object[]> learnedSubjects, List<Object[]> eventTimes) {
        if (!subjectEvents.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_subject_event (subject_kind, subject, global_index) VALUES (?, ?, ?)",
                    subjectEvents);
        }
        if (!learnedSubjects.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_learned_subject (aggregate_id, subject_kind, subject, learned_at) "
                    + "VALUES (?, ?, ?, ?)", learnedSubjects);
        }
        if (!eventTimes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_event_time (global_index, epoch_nano) VALUES (?, ?)", eventTimes);
        }
    }

    /** Replaces the periods of these authorizations by {@code periods} (rows in the order of the columns below). */
    void replacePeriods(Collection<String> authorizationIds, List<Object[]> periods) {
        if (authorizationIds.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM audit_relationship_period WHERE authorization_id IN ("
                + placeholders(authorizationIds.size()) + ")", authorizationIds.toArray());
        if (!periods.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_relationship_period (authorization_id, granted_global_index, role, uscc, "
                    + "agency_uscc, named_holder_person_id, holder_document_type, holder_document_masked, holder_person_id, "
                    + "granted_event, granted_at, granted_by, confirmed_at, confirmed_by, ended_how, ended_at, ended_by, "
                    + "valid_until, in_force_from, in_force_until) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", periods);
        }
    }

    void reset() {
        tables.empty("audit_subject_event", "audit_learned_subject", "audit_event_time", "audit_relationship_period");
    }

    static String placeholders(int count) {
        List<String> marks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return String.join(", ", marks);
    }
}
