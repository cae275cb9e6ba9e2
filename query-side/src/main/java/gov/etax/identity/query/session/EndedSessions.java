package gov.etax.identity.query.session;

import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import gov.etax.identity.query.infrastructure.persistence.BatchedWrites;
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The query side's list of ended sessions, from {@link SessionEnded}: a logged-out token stops
 * working here as soon as the event arrives, without asking the command side.
 */
@Component
@ProcessingGroup(EndedSessions.PROCESSING_GROUP)
public class EndedSessions {

    public static final String PROCESSING_GROUP = "ended-sessions";

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final String endSession;

    public EndedSessions(JdbcTemplate jdbc, BatchedWrites writes, Upserts upserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.endSession = upserts.overwrite("ended_session", "session_id", "session_id, person_id, ended_at");
    }

    @EventHandler
    void on(SessionEnded event, @org.axonframework.eventhandling.Timestamp Instant endedAt) {
        end(event.sessionId().value(), event.personId().value(), endedAt);
    }

    /** A switch (ACC-8, ACC-9) ends the session it left. */
    @EventHandler
    void on(SessionSwitched event, @org.axonframework.eventhandling.Timestamp Instant switchedAt) {
        end(event.from().value(), event.personId().value(), switchedAt);
    }

    private void end(String sessionId, String personId, Instant endedAt) {
        // An upsert: a replay may deliver the same end again; one round trip, not a delete and an insert.
        writes.add(endSession, sessionId, personId, java.sql.Timestamp.from(endedAt));
    }

    public boolean hasEnded(String sessionId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM ended_session WHERE session_id = ?",
                Integer.class, sessionId);
        return count != null && count > 0;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM ended_session");
    }
}
