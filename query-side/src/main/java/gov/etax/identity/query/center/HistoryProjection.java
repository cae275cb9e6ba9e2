package gov.etax.identity.query.center;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.events.HistoryRecordCleared;
import gov.etax.identity.kernel.person.events.LoginFailed;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import gov.etax.identity.query.infrastructure.persistence.BatchedWrites;
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * History information (历史管理信息, ACC-10), the person's own part: past logins and identity switches,
 * and the records the person hid. Each record's id is the identifier of the event that made it.
 * Ended relationships come from {@link EndedRelationships} in the "authorizations" processor.
 */
@Component
@ProcessingGroup(HistoryProjection.PROCESSING_GROUP)
public class HistoryProjection {

    public static final String PROCESSING_GROUP = "account-history";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final String clearRecord;

    public HistoryProjection(JdbcTemplate jdbc, BatchedWrites writes, Upserts upserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clearRecord = upserts.overwrite("account_history_cleared", "person_id, record_id",
                "person_id, record_id, cleared_at");
    }

    @EventHandler
    void on(LoginSucceeded event, @MessageIdentifier String recordId, @org.axonframework.eventhandling.Timestamp Instant at) {
        ActingFor actingFor = event.actingFor();
        record(recordId, event.personId().value(), "LOGIN_SUCCEEDED", at, event.entry().name(), event.method().name(), null,
                actingFor);
    }

    @EventHandler
    void on(LoginFailed event, @MessageIdentifier String recordId, @org.axonframework.eventhandling.Timestamp Instant at) {
        record(recordId, event.personId().value(), "LOGIN_FAILED", at, event.entry().name(), event.method().name(),
                event.reason().name(), null);
    }

    @EventHandler
    void on(SessionSwitched event, @MessageIdentifier String recordId, @org.axonframework.eventhandling.Timestamp Instant at) {
        record(recordId, event.personId().value(), "IDENTITY_SWITCHED", at, event.entry().name(), null, null,
                event.actingFor());
    }

    @EventHandler
    void on(HistoryRecordCleared event, @org.axonframework.eventhandling.Timestamp Instant at) {
        writes.add(clearRecord, event.personId().value(), event.recordId(), Timestamp.from(at));
    }

    private void record(String recordId, String personId, String kind, Instant at, String entry, String method,
                        String failure, ActingFor actingFor) {
        // The record id is the event's identifier: a row already there came from this very event
        // (delivered again by a replay or a stolen claim), so it is left as it is. The key is the table's only
        // unique constraint, so ON CONFLICT needs no target, which H2 (no conflict targets) accepts as well.
        writes.add("INSERT INTO account_history (record_id, person_id, kind, occurred_at, entry, method, failure, uscc, "
                        + "role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                recordId, personId, kind, micros(at), entry, method, failure,
                actingFor == null ? null : actingFor.enterprise().value(),
                actingFor == null ? null : actingFor.role().name());
    }

    /** The database keeps microseconds; the cursor must compare exactly what is stored. */
    static Timestamp micros(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MICROS));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_history WHERE kind <> 'RELATIONSHIP_ENDED'");
        jdbc.update("DELETE FROM account_history_cleared");
    }
}
