package gov.etax.identity.command.infrastructure.persistence;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcRelationships implements Relationships {

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;

    public JdbcRelationships(JdbcTemplate jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public void bind(ActiveRelationship relationship, DocumentNumber holder) {
        unbind(relationship.authorizationId());
        jdbc.update("INSERT INTO enterprise_relationship (authorization_id, enterprise_id, uscc, holder_document_hash, "
                        + "role, tax_officer_identity, scopes, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                relationship.authorizationId().value(), relationship.enterpriseId().value(), relationship.uscc().value(),
                lookupHash.of(holder), relationship.role().name(), relationship.taxOfficerIdentity(),
                String.join(",", relationship.scopes()),
                relationship.validUntil() == null ? null : Timestamp.from(relationship.validUntil()));
    }

    @Override
    public void unbind(AuthorizationId authorizationId) {
        jdbc.update("DELETE FROM enterprise_relationship WHERE authorization_id = ?", authorizationId.value());
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

    private static Set<String> scopes(String joined) {
        return joined == null || joined.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }
}
