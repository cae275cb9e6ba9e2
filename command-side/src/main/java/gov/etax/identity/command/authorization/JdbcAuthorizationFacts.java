package gov.etax.identity.command.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the look-up tables {@link JdbcAuthorizationLookUps} keeps ({@code authorization_claim},
 * {@code enterprise_relationship}), joined to the persons' document claims ({@code identity_claim})
 * and the confirmed enterprises ({@code enterprise_register}) by lookup hash and code.
 */
@Component
public class JdbcAuthorizationFacts implements AuthorizationFacts {

    private final JdbcTemplate jdbc;

    public JdbcAuthorizationFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ActiveRelationship> of(PersonId person, Instant now) {
        return jdbc.query("SELECT r.authorization_id, r.enterprise_id, r.uscc, r.role, r.tax_officer_identity, r.scopes, "
                        + "r.valid_until FROM enterprise_relationship r JOIN identity_claim c "
                        + "ON c.claim_kind = 'DOCUMENT' AND c.claim_hash = r.holder_document_hash "
                        + "WHERE c.person_id = ? AND (r.valid_until IS NULL OR r.valid_until > ?) "
                        + "ORDER BY r.uscc, r.role",
                (rs, row) -> new ActiveRelationship(AuthorizationId.parse(rs.getString(1)),
                        EnterpriseId.parse(rs.getString(2)), new Uscc(rs.getString(3)),
                        RelationshipRole.valueOf(rs.getString(4)), rs.getString(5), scopes(rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
                person.value(), Timestamp.from(now));
    }

    @Override
    public boolean isClaimed(Uscc uscc, RelationshipRole role, String documentHash) {
        return count("SELECT COUNT(*) FROM authorization_claim WHERE uscc = ? AND role = ? AND holder_document_hash = ?",
                uscc.value(), role.name(), documentHash) > 0;
    }

    @Override
    public boolean isRegisteredHolder(AuthorizationId authorizationId, PersonId person) {
        return count("SELECT COUNT(*) FROM authorization_claim a JOIN identity_claim c "
                        + "ON c.claim_kind = 'DOCUMENT' AND c.claim_hash = a.holder_document_hash "
                        + "WHERE a.authorization_id = ? AND c.person_id = ?",
                authorizationId.value(), person.value()) > 0;
    }

    @Override
    public Optional<PersonId> personWithDocument(String documentHash) {
        return jdbc.query("SELECT person_id FROM identity_claim WHERE claim_kind = 'DOCUMENT' AND claim_hash = ?",
                (rs, row) -> PersonId.parse(rs.getString(1)), documentHash).stream().findFirst();
    }

    @Override
    public Optional<EnterpriseId> enterpriseWith(Uscc uscc) {
        return jdbc.query("SELECT enterprise_id FROM enterprise_register WHERE uscc = ?",
                (rs, row) -> EnterpriseId.parse(rs.getString(1)), uscc.value()).stream().findFirst();
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

    private static Set<String> scopes(String joined) {
        return joined == null || joined.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }
}
