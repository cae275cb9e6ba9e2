package gov.etax.identity.command.person.password;

import gov.etax.identity.command.person.password.OpenSessions;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcOpenSessions implements OpenSessions {

    private final JdbcTemplate jdbc;

    public JdbcOpenSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SessionId> of(PersonId personId, Instant now) {
        return jdbc.query("SELECT session_id FROM person_session WHERE person_id = ? AND ended_at IS NULL "
                        + "AND expires_at > ? ORDER BY issued_at",
                (rs, row) -> SessionId.parse(rs.getString(1)), personId.value(), Timestamp.from(now));
    }
}
