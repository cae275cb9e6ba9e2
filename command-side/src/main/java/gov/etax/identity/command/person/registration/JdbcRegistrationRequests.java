package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.person.registration.RegistrationRequests;
import gov.etax.identity.kernel.person.PersonId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Expired claims are removed in one sweep at most every {@link #SWEEP_EVERY} per node, not on every
 * claim; until then an expired claim on the key claimed is removed on the spot, so it never counts.
 */
@Component
public class JdbcRegistrationRequests implements RegistrationRequests {

    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    public JdbcRegistrationRequests(JdbcTemplate jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public Optional<Earlier> claim(String requestKey, String body, PersonId personId, Instant now, Instant expiresAt) {
        sweepExpired(now);
        String key = key(requestKey);
        if (inserted(key, body, personId, expiresAt)) {
            return Optional.empty();
        }
        if (jdbc.update("DELETE FROM registration_request WHERE request_key = ? AND expires_at < ?", key, Timestamp.from(now)) == 1
                && inserted(key, body, personId, expiresAt)) {
            return Optional.empty();
        }
        return find(requestKey, body);
    }

    private boolean inserted(String key, String body, PersonId personId, Instant expiresAt) {
        return jdbc.update("INSERT INTO registration_request (request_key, body_hash, person_id, expires_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                key, bodyHash(body), personId.value(), Timestamp.from(expiresAt)) == 1;
    }

    /** The claims expired by {@code now}, once per {@link #SWEEP_EVERY}: one claim sweeps, the others go on. */
    private void sweepExpired(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        jdbc.update("DELETE FROM registration_request WHERE expires_at < ?", Timestamp.from(now));
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
