package gov.etax.identity.command.person;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads enterprise_relationship (in force) and authorization_claim (claimed, pending and in force);
 * a relationship names its holder by document hash, matched to the person's document claim.
 */
@Component
public class JdbcEnterpriseRoles implements EnterpriseRoles {

    private final JdbcTemplate jdbc;

    public JdbcEnterpriseRoles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ActingFor> heldBy(PersonId person, Instant now) {
        return jdbc.query("SELECT r.uscc, r.role FROM enterprise_relationship r JOIN identity_claim c "
                        + "ON c.claim_kind = 'DOCUMENT' AND c.claim_hash = r.holder_document_hash "
                        + "WHERE c.person_id = ? AND (r.valid_until IS NULL OR r.valid_until > ?) "
                        + "ORDER BY r.uscc, r.role",
                (rs, row) -> new ActingFor(new Uscc(rs.getString(1)), RelationshipRole.valueOf(rs.getString(2))),
                person.value(), Timestamp.from(now));
    }

    @Override
    public Optional<AuthorizationId> financeManagerPendingFor(PersonId person, Uscc enterprise) {
        return jdbc.query("SELECT a.authorization_id FROM authorization_claim a JOIN identity_claim c "
                        + "ON c.claim_kind = 'DOCUMENT' AND c.claim_hash = a.holder_document_hash "
                        + "WHERE c.person_id = ? AND a.uscc = ? AND a.role = 'FINANCE_MANAGER' AND NOT EXISTS "
                        + "(SELECT 1 FROM enterprise_relationship r WHERE r.authorization_id = a.authorization_id)",
                (rs, row) -> AuthorizationId.parse(rs.getString(1)), person.value(), enterprise.value()).stream().findFirst();
    }
}
