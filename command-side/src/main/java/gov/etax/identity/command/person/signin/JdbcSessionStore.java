package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.person.signin.SessionStore;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcSessionStore implements SessionStore {

    private final JdbcTemplate jdbc;

    public JdbcSessionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(Session session) {
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

    @Override
    public void end(SessionId sessionId, Instant endedAt) {
        jdbc.update("UPDATE person_session SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL",
                Timestamp.from(endedAt), sessionId.value());
    }

    @Override
    public Optional<Session> find(SessionId sessionId) {
        return jdbc.query("SELECT session_id, person_id, entry, method, issued_at, expires_at, ended_at, "
                        + "password_change_required, uscc, enterprise_role FROM person_session WHERE session_id = ?",
                (rs, row) -> new Session(SessionId.parse(rs.getString(1)), PersonId.parse(rs.getString(2)),
                        LoginEntry.valueOf(rs.getString(3)), AuthenticationMethod.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
                        rs.getString(9) == null ? null
                                : new ActingFor(new Uscc(rs.getString(9)), RelationshipRole.valueOf(rs.getString(10)))),
                sessionId.value()).stream().findFirst();
    }
}
