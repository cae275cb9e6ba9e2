package gov.etax.identity.query.session;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import gov.etax.identity.query.infrastructure.persistence.BatchedWrites;
import gov.etax.identity.query.infrastructure.persistence.ReadModelTables;
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import gov.etax.identity.query.infrastructure.security.KnownSessions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The query side's record of sessions: each started one with its person (from {@link LoginSucceeded}
 * and {@link SessionSwitched}) and each ended one (from {@link SessionEnded}). A token works here only
 * for a started session of the person it names, and stops working as soon as the end arrives,
 * without asking the command side.
 */
@Component
@ProcessingGroup(EndedSessions.PROCESSING_GROUP)
public class EndedSessions implements KnownSessions {

    public static final String PROCESSING_GROUP = "ended-sessions";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final String endSession;
    private final ReadModelTables tables;

    public EndedSessions(JdbcTemplate jdbc, BatchedWrites writes, Upserts upserts, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.tables = tables;
        this.endSession = upserts.overwrite("ended_session", "session_id", "session_id, person_id, ended_at");
    }

    @EventHandler
    void on(LoginSucceeded event, @org.axonframework.eventhandling.Timestamp Instant startedAt) {
        start(event.sessionId().value(), event.personId().value(), event.passwordChangeRequired(), event.actingFor(),
                startedAt);
    }

    @EventHandler
    void on(SessionEnded event, @org.axonframework.eventhandling.Timestamp Instant endedAt) {
        end(event.sessionId().value(), event.personId().value(), endedAt);
    }

    /**
     * A switch (ACC-8, ACC-9) ends the session it left and starts another. A session that must still
     * change its password cannot switch (PWD-2), so the new one never needs to.
     */
    @EventHandler
    void on(SessionSwitched event, @org.axonframework.eventhandling.Timestamp Instant switchedAt) {
        end(event.from().value(), event.personId().value(), switchedAt);
        start(event.to().value(), event.personId().value(), false, event.actingFor(), switchedAt);
    }

    private void start(String sessionId, String personId, boolean passwordChangeRequired, ActingFor actingFor,
                       Instant startedAt) {
        writes.add("INSERT INTO started_session (session_id, person_id, password_change_required, uscc, "
                        + "enterprise_role, started_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                sessionId, personId, passwordChangeRequired,
                actingFor == null ? null : actingFor.enterprise().value(),
                actingFor == null ? null : actingFor.role().name(), Timestamp.from(startedAt));
    }

    private void end(String sessionId, String personId, Instant endedAt) {
        // An upsert: a replay may deliver the same end again; one round trip, not a delete and an insert.
        writes.add(endSession, sessionId, personId, Timestamp.from(endedAt));
    }

    /** Which of these sessions have ended. */
    public Set<String> endedAmong(Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT session_id FROM ended_session WHERE session_id = ANY (?)",
                String.class, (Object) sessionIds.toArray(String[]::new)));
    }

    @Override
    public Optional<KnownSession> find(String sessionId) {
        return jdbc.query("SELECT s.person_id, s.password_change_required, s.uscc, s.enterprise_role, "
                        + "e.session_id IS NOT NULL FROM started_session s "
                        + "LEFT JOIN ended_session e ON e.session_id = s.session_id WHERE s.session_id = ?",
                (rs, row) -> new KnownSession(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)),
                sessionId).stream().findFirst();
    }

    @ResetHandler
    void reset() {
        tables.empty("ended_session", "started_session");
    }
}
