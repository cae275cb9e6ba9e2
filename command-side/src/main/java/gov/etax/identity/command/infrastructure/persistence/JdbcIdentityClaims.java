package gov.etax.identity.command.infrastructure.persistence;

import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.refusal.Reason;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per claimed value, primary key (kind, hash). A concurrent second insert of the same
 * value waits for the first transaction and then fails on the key, on any node.
 */
@Component
public class JdbcIdentityClaims implements IdentityClaims {

    enum ClaimKind { DOCUMENT, PHONE, USERNAME }

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final Clock clock;

    public JdbcIdentityClaims(JdbcTemplate jdbc, LookupHash lookupHash, Clock clock) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.clock = clock;
    }

    @Override
    public void claim(PersonId personId, DocumentNumber document, MobilePhone phone, Username username) {
        insert(ClaimKind.DOCUMENT, lookupHash.of(document), personId, PersonReason.DOCUMENT_ALREADY_REGISTERED);
        insert(ClaimKind.PHONE, lookupHash.of(phone), personId, PersonReason.PHONE_ALREADY_BOUND);
        if (username != null) {
            insert(ClaimKind.USERNAME, lookupHash.of(username), personId, PersonReason.USERNAME_TAKEN);
        }
    }

    @Override
    public void refuseIfTaken(DocumentNumber document, MobilePhone phone, Username username) {
        refuseIfPresent(ClaimKind.DOCUMENT, lookupHash.of(document), PersonReason.DOCUMENT_ALREADY_REGISTERED);
        refuseIfPresent(ClaimKind.PHONE, lookupHash.of(phone), PersonReason.PHONE_ALREADY_BOUND);
        if (username != null) {
            refuseIfPresent(ClaimKind.USERNAME, lookupHash.of(username), PersonReason.USERNAME_TAKEN);
        }
    }

    private void insert(ClaimKind kind, String hash, PersonId personId, Reason whenTaken) {
        try {
            jdbc.update("INSERT INTO identity_claim (claim_kind, claim_hash, person_id, claimed_at) VALUES (?, ?, ?, ?)",
                    kind.name(), hash, personId.value(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw whenTaken.refusal();
        }
    }

    private void refuseIfPresent(ClaimKind kind, String hash, Reason whenTaken) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM identity_claim WHERE claim_kind = ? AND claim_hash = ?", Integer.class, kind.name(), hash);
        if (count != null && count > 0) {
            throw whenTaken.refusal();
        }
    }
}
