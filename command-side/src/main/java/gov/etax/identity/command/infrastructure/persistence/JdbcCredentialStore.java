package gov.etax.identity.command.infrastructure.persistence;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
}
