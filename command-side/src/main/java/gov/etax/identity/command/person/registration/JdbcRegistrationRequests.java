package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.person.registration.RegistrationRequests;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcRegistrationRequests implements RegistrationRequests {

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;

    public JdbcRegistrationRequests(JdbcTemplate jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public Optional<Earlier> claim(String requestKey, String body, PersonId personId, Instant now, Instant expiresAt) {
        jdbc.update("DELETE FROM registration_request WHERE expires_at < ?", Timestamp.from(now));
        int inserted = jdbc.update("INSERT INTO registration_request (request_key, body_hash, person_id, expires_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                key(requestKey), bodyHash(body), personId.value(), Timestamp.from(expiresAt));
        return inserted == 1 ? Optional.empty() : find(requestKey, body);
    }

    @Override
    public void complete(String requestKey) {
        jdbc.update("UPDATE registration_request SET completed = TRUE WHERE request_key = ?", key(requestKey));
    }

    @Override
    public void release(String requestKey) {
        jdbc.update("DELETE FROM registration_request WHERE request_key = ? AND NOT completed", key(requestKey));
    }

    @Override
    public Optional<Earlier> find(String requestKey, String body) {
        String bodyHash = bodyHash(body);
        return jdbc.query("SELECT body_hash, person_id, completed FROM registration_request WHERE request_key = ?",
                (row, n) -> new Earlier(new PersonId(row.getString("person_id")),
                        bodyHash.equals(row.getString("body_hash")), row.getBoolean("completed")),
                key(requestKey)).stream().findFirst();
    }

    private String key(String requestKey) {
        return lookupHash.of("registration-request", requestKey);
    }

    private String bodyHash(String body) {
        return lookupHash.of("registration-body", body);
    }
}
