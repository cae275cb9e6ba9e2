package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.infrastructure.security.SessionLookup;
import gov.etax.identity.command.person.EnterpriseRoles;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * person_session, kept by the session events in the transaction of the command that applied them
 * (a subscribing processor); the session id is the key, so an event handled twice fails its unit of work.
 */
@Component
public class JdbcSessionStore implements SessionStore, SessionLookup {

    private static final String COLUMNS = "session_id, person_id, entry, method, issued_at, expires_at, ended_at, "
            + "password_change_required, uscc, enterprise_role";

    private final JdbcTemplate jdbc;
    private final EnterpriseRoles roles;

    public JdbcSessionStore(JdbcTemplate jdbc, EnterpriseRoles roles) {
        this.jdbc = jdbc;
        this.roles = roles;
    }

    @EventHandler
    void on(LoginSucceeded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        open(new PersonSession(event.sessionId(), event.personId(), event.entry(), event.method(), at,
                at.plus(SignIn.SESSION_LIFETIME), null, event.passwordChangeRequired(), event.actingFor()));
    }

    /** Same login, same method and expiry: only what the session acts for changes (ACC-8, ACC-9). */
    @EventHandler
    void on(SessionSwitched event, @org.axonframework.eventhandling.Timestamp Instant at) {
        PersonSession from = find(event.from()).orElseThrow();
        end(event.from(), at);
        open(new PersonSession(event.to(), event.personId(), event.entry(), from.method(), at, from.expiresAt(), null,
                from.passwordChangeRequired(), event.actingFor()));
    }

    @EventHandler
    void on(SessionEnded event, @org.axonframework.eventhandling.Timestamp Instant at) {
        end(event.sessionId(), at);
    }

    private void open(PersonSession session) {
        ActingFor actingFor = session.actingFor();
        String uscc = actingFor == null ? null : actingFor.enterprise().value();
        String role = actingFor == null ? null : actingFor.role().name();
        // The relationship the session acts under, so that its end can end the session.
        jdbc.update("INSERT INTO person_session (session_id, person_id, entry, method, issued_at, expires_at, "
                        + "password_change_required, uscc, enterprise_role, authorization_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT MIN(r.authorization_id) FROM enterprise_relationship r "
                        + "JOIN identity_claim c ON c.claim_kind = 'DOCUMENT' AND c.claim_hash = r.holder_document_hash "
                        + "WHERE c.person_id = ? AND r.uscc = ? AND r.role = ?))",
                session.sessionId().value(), session.personId().value(), session.entry().name(), session.method().name(),
                Timestamp.from(session.issuedAt()), Timestamp.from(session.expiresAt()), session.passwordChangeRequired(),
                uscc, role, session.personId().value(), uscc, role);
    }

    private void end(SessionId sessionId, Instant endedAt) {
        jdbc.update("UPDATE person_session SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL",
                Timestamp.from(endedAt), sessionId.value());
    }

    @Override
    public Optional<PersonSession> find(SessionId sessionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person_session WHERE session_id = ?",
                (rs, row) -> session(rs), sessionId.value()).stream().findFirst();
    }

    @Override
    public List<PersonSession> openUnder(AuthorizationId authorizationId, Instant now) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person_session "
                        + "WHERE authorization_id = ? AND ended_at IS NULL AND expires_at > ?",
                (rs, row) -> session(rs), authorizationId.value(), Timestamp.from(now));
    }

    @Override
    public boolean stillActsFor(PersonId person, ActingFor actingFor, Instant now) {
        return roles.holds(person, actingFor, now);
    }

    private static PersonSession session(ResultSet rs) throws SQLException {
        return new PersonSession(SessionId.parse(rs.getString(1)), PersonId.parse(rs.getString(2)),
                LoginEntry.valueOf(rs.getString(3)), AuthenticationMethod.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
                rs.getString(9) == null ? null
                        : new ActingFor(new Uscc(rs.getString(9)), RelationshipRole.valueOf(rs.getString(10))));
    }
}
