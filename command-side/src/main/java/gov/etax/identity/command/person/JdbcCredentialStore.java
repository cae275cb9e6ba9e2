package gov.etax.identity.command.person;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code person_credential} holds the credential in use; {@code province_credential} the
 * credentials of a migrated person's province accounts (PWD-6). See docs/architecture.md.
 */
@Component
public class JdbcCredentialStore implements CredentialStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcCredentialStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void store(PersonId personId, PasswordHash hash) {
        jdbc.update("INSERT INTO person_credential (person_id, password_hash, changed_at) VALUES (?, ?, ?)",
                personId.value(), hash.encoded(), Timestamp.from(clock.instant()));
    }

    @Override
    public Optional<StoredCredential> find(PersonId personId) {
        return jdbc.query("SELECT password_hash, must_change FROM person_credential WHERE person_id = ?",
                (rs, row) -> new StoredCredential(new PasswordHash(rs.getString(1)), rs.getBoolean(2)),
                personId.value()).stream().findFirst();
    }

    @Override
    public void replace(PersonId personId, PasswordHash hash) {
        Timestamp now = Timestamp.from(clock.instant());
        // The province account in use first, while person_credential still names it.
        jdbc.update("UPDATE province_credential SET password_hash = ?, must_change = FALSE, changed_at = ? "
                        + "WHERE person_id = ? AND province = (SELECT province FROM person_credential WHERE person_id = ?)",
                hash.encoded(), now, personId.value(), personId.value());
        int updated = jdbc.update("UPDATE person_credential SET password_hash = ?, must_change = FALSE, changed_at = ? "
                + "WHERE person_id = ?", hash.encoded(), now, personId.value());
        if (updated == 0) {
            jdbc.update("INSERT INTO person_credential (person_id, password_hash, changed_at, must_change) "
                    + "VALUES (?, ?, ?, FALSE)", personId.value(), hash.encoded(), now);
        }
    }

    @Override
    public boolean upgrade(PersonId personId, PasswordHash current, PasswordHash stronger) {
        jdbc.update("UPDATE province_credential SET password_hash = ? WHERE person_id = ? AND password_hash = ? "
                        + "AND province = (SELECT province FROM person_credential WHERE person_id = ?)",
                stronger.encoded(), personId.value(), current.encoded(), personId.value());
        return jdbc.update("UPDATE person_credential SET password_hash = ? WHERE person_id = ? AND password_hash = ?",
                stronger.encoded(), personId.value(), current.encoded()) == 1;
    }

    @Override
    public void storeProvince(PersonId personId, ProvinceCode province, PasswordHash hash, boolean mustChange) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO province_credential (person_id, province, password_hash, must_change, added_at, changed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", personId.value(), province.value(), hash.encoded(), mustChange, now, now);
        Integer inUse = jdbc.queryForObject("SELECT COUNT(*) FROM person_credential WHERE person_id = ?",
                Integer.class, personId.value());
        if (inUse == null || inUse == 0) {
            jdbc.update("INSERT INTO person_credential (person_id, password_hash, changed_at, must_change, province) "
                    + "VALUES (?, ?, ?, ?, ?)", personId.value(), hash.encoded(), now, mustChange, province.value());
        }
    }

    @Override
    public void useProvince(PersonId personId, ProvinceCode province) {
        StoredCredential chosen = jdbc.query("SELECT password_hash, must_change FROM province_credential "
                                + "WHERE person_id = ? AND province = ?",
                        (rs, row) -> new StoredCredential(new PasswordHash(rs.getString(1)), rs.getBoolean(2)),
                        personId.value(), province.value()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no credential of province " + province + " for " + personId));
        jdbc.update("UPDATE person_credential SET password_hash = ?, must_change = ?, province = ?, changed_at = ? "
                        + "WHERE person_id = ?", chosen.hash().encoded(), chosen.mustChange(), province.value(),
                Timestamp.from(clock.instant()), personId.value());
    }

    @Override
    public List<ProvinceCredential> provinceAccounts(PersonId personId) {
        return jdbc.query("SELECT p.province, p.must_change, c.province FROM province_credential p "
                        + "LEFT JOIN person_credential c ON c.person_id = p.person_id "
                        + "WHERE p.person_id = ? ORDER BY p.added_order",
                (rs, row) -> new ProvinceCredential(new ProvinceCode(rs.getString(1)), rs.getBoolean(2),
                        rs.getString(1).equals(rs.getString(3))),
                personId.value());
    }
}
