package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.events.AccountLocked;
import gov.etax.identity.kernel.person.events.AccountUnlocked;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * account_lock, kept by the lock's events in the transaction of the command that applied them (a
 * subscribing processor, docs/adr/0038), so a sign-in learns whether a lock is on record with one
 * read instead of loading the person. A person is locked only while unlocked, so a lock handled twice
 * fails its unit of work on the key.
 */
@Component
public class JdbcAccountLocks implements AccountLocks {

    private final JdbcTemplate jdbc;

    public JdbcAccountLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountLocked event) {
        jdbc.update("INSERT INTO account_lock (person_id) VALUES (?)", event.personId().value());
    }

    @EventHandler
    void on(AccountUnlocked event) {
        jdbc.update("DELETE FROM account_lock WHERE person_id = ?", event.personId().value());
    }

    @Override
    public boolean onRecord(PersonId person) {
        return !jdbc.queryForList("SELECT person_id FROM account_lock WHERE person_id = ?", String.class,
                person.value()).isEmpty();
    }
}
