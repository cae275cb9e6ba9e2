package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Claimed but not in force: pending (authorization_claim holds pending and active ones, enterprise_relationship the active). */
@Component
public class JdbcPendingAuthorizations implements PendingAuthorizations {

    private final JdbcTemplate jdbc;

    public JdbcPendingAuthorizations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
