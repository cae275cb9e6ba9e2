package gov.etax.identity.command.infrastructure.persistence;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.authorization.AuthorizationClaims;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code authorization_claim}: unique (uscc, role, holder hash) while pending or active. */
@Component
public class JdbcAuthorizationClaims implements AuthorizationClaims {

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final Clock clock;

    public JdbcAuthorizationClaims(JdbcTemplate jdbc, LookupHash lookupHash, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.clock = clock;
    }

    @Override
    public void claim(AuthorizationId authorizationId, Uscc uscc, RelationshipRole role, DocumentNumber holder,
                      Instant validUntil) {
        try {
            jdbc.update("INSERT INTO authorization_claim (authorization_id, uscc, role, holder_document_hash, "
                            + "valid_until, claimed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    authorizationId.value(), uscc.value(), role.name(), lookupHash.of(holder),
                    validUntil == null ? null : Timestamp.from(validUntil), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw AuthorizationReason.ALREADY_AUTHORIZED.refusal();
        }
    }

    @Override
    public boolean isClaimed(Uscc uscc, RelationshipRole role, DocumentNumber holder) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM authorization_claim "
                        + "WHERE uscc = ? AND role = ? AND holder_document_hash = ?",
                Integer.class, uscc.value(), role.name(), lookupHash.of(holder));
        return count != null && count > 0;
    }

    @Override
    public void release(AuthorizationId authorizationId) {
        jdbc.update("DELETE FROM authorization_claim WHERE authorization_id = ?", authorizationId.value());
    }
}
