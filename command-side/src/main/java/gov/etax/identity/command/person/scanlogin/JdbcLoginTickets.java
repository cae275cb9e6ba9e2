package gov.etax.identity.command.person.scanlogin;

import gov.etax.identity.command.person.scanlogin.LoginTickets;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcLoginTickets implements LoginTickets {

    private final JdbcTemplate jdbc;

    public JdbcLoginTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Ticket ticket) {
        jdbc.update("INSERT INTO login_ticket (ticket_id, status, created_at, expires_at) VALUES (?, ?, ?, ?)",
                ticket.ticketId(), ticket.status().name(), Timestamp.from(ticket.createdAt()),
                Timestamp.from(ticket.expiresAt()));
    }

    @Override
    public Optional<Ticket> find(String ticketId) {
        return jdbc.query("SELECT ticket_id, status, created_at, expires_at, person_id, app, entry, uscc, enterprise_role "
                + "FROM login_ticket WHERE ticket_id = ?", (rs, row) -> ticket(rs), ticketId).stream().findFirst();
    }

    @Override
    public boolean approve(String ticketId, Approval approval) {
        ActingFor actingFor = approval.actingFor();
        return jdbc.update("UPDATE login_ticket SET status = 'APPROVED', person_id = ?, app = ?, entry = ?, uscc = ?, "
                        + "enterprise_role = ? WHERE ticket_id = ? AND status = 'WAITING'",
                approval.personId().value(), approval.app(), approval.entry().name(),
                actingFor == null ? null : actingFor.enterprise().value(),
                actingFor == null ? null : actingFor.role().name(), ticketId) == 1;
    }

    @Override
    public boolean use(String ticketId, Instant usedAt) {
        // The status condition makes two simultaneous exchanges end with exactly one session.
        return jdbc.update("UPDATE login_ticket SET status = 'USED', used_at = ? WHERE ticket_id = ? AND status = 'APPROVED'",
                Timestamp.from(usedAt), ticketId) == 1;
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        Approval approval = rs.getString(5) == null ? null : new Approval(PersonId.parse(rs.getString(5)), rs.getString(6),
                LoginEntry.valueOf(rs.getString(7)),
                rs.getString(8) == null ? null : new ActingFor(new Uscc(rs.getString(8)), RelationshipRole.valueOf(rs.getString(9))));
        return new Ticket(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), approval);
    }
}
