package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.refusal.Reason;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
        // One round trip for all three; the document's refusal comes first, then the phone's.
        String usernameHash = username == null ? null : lookupHash.of(username);
        List<String> taken = jdbc.queryForList("SELECT claim_kind FROM identity_claim "
                        + "WHERE (claim_kind = ? AND claim_hash = ?) OR (claim_kind = ? AND claim_hash = ?) "
                        + "OR (claim_kind = ? AND claim_hash = ?)", String.class,
                ClaimKind.DOCUMENT.name(), lookupHash.of(document), ClaimKind.PHONE.name(), lookupHash.of(phone),
                ClaimKind.USERNAME.name(), usernameHash);
        if (taken.contains(ClaimKind.DOCUMENT.name())) {
            throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal();
        }
        if (taken.contains(ClaimKind.PHONE.name())) {
            throw PersonReason.PHONE_ALREADY_BOUND.refusal();
        }
        if (taken.contains(ClaimKind.USERNAME.name())) {
            throw PersonReason.USERNAME_TAKEN.refusal();
        }
    }

    @Override
    public boolean claimPhone(PersonId personId, MobilePhone phone) {
        return claimOne(ClaimKind.PHONE, lookupHash.of(phone), personId, PersonReason.PHONE_ALREADY_BOUND);
    }

    @Override
    public boolean releasePhone(PersonId personId, MobilePhone phone) {
        return jdbc.update("DELETE FROM identity_claim WHERE claim_kind = ? AND claim_hash = ? AND person_id = ?",
                ClaimKind.PHONE.name(), lookupHash.of(phone), personId.value()) > 0;
    }

    @Override
    public boolean claimUsername(PersonId personId, Username username) {
        return claimOne(ClaimKind.USERNAME, lookupHash.of(username), personId, PersonReason.USERNAME_TAKEN);
    }

    @Override
    public void releaseUsernamesOtherThan(PersonId personId, Username kept) {
        jdbc.update("DELETE FROM identity_claim WHERE claim_kind = ? AND person_id = ? AND claim_hash <> ?",
                ClaimKind.USERNAME.name(), personId.value(), lookupHash.of(kept));
    }

    /**
     * ON CONFLICT DO NOTHING instead of catching the key violation: PostgreSQL aborts a transaction
     * after a failed insert, and the holder must still be read. A concurrent claim of the same value
     * makes this insert wait for that transaction; if it commits, nothing is inserted here and the
     * holder (read with a fresh snapshot under READ COMMITTED) is the other person.
     */
    private boolean claimOne(ClaimKind kind, String hash, PersonId personId, Reason whenTaken) {
        int inserted = jdbc.update("INSERT INTO identity_claim (claim_kind, claim_hash, person_id, claimed_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                kind.name(), hash, personId.value(), Timestamp.from(clock.instant()));
        if (inserted > 0) {
            return true;
        }
        boolean mine = jdbc.queryForList("SELECT person_id FROM identity_claim WHERE claim_kind = ? AND claim_hash = ?",
                String.class, kind.name(), hash).contains(personId.value());
        if (mine) {
            return false;
        }
        throw whenTaken.refusal();
    }

    @Override
    public void claimDocument(PersonId personId, DocumentNumber document) {
        insert(ClaimKind.DOCUMENT, lookupHash.of(document), personId, PersonReason.DOCUMENT_ALREADY_REGISTERED);
    }

    @Override
    public boolean claimPhoneIfFree(PersonId personId, MobilePhone phone) {
        // No exception on a taken phone: on PostgreSQL a failed insert would abort the whole transaction.
        return jdbc.update("INSERT INTO identity_claim (claim_kind, claim_hash, person_id, claimed_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                ClaimKind.PHONE.name(), lookupHash.of(phone), personId.value(), Timestamp.from(clock.instant())) == 1;
    }

    private void insert(ClaimKind kind, String hash, PersonId personId, Reason whenTaken) {
        try {
            jdbc.update("INSERT INTO identity_claim (claim_kind, claim_hash, person_id, claimed_at) VALUES (?, ?, ?, ?)",
                    kind.name(), hash, personId.value(), Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw whenTaken.refusal();
        }
    }
}
