package gov.etax.identity.query.admin;

import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.query.account.PersonAccountProjection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test bean in the account projection's processing group: a fault in the projection's SQL for chosen
 * persons. Armed, it picks the person of the next registration it sees; from then on every event of
 * that person it handles runs a statement the database refuses (a row that breaks a foreign key), which
 * on PostgreSQL aborts the transaction of the batch. Repaired, it passes everything again.
 */
@ProcessingGroup(PersonAccountProjection.PROCESSING_GROUP)
public class ProjectionFault {

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final Set<String> FAULTY = ConcurrentHashMap.newKeySet();

    private final JdbcTemplate jdbc;

    public ProjectionFault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next registration's person becomes faulty. */
    public static void armForNextRegistration() {
        ARMED.set(true);
    }

    public static boolean isFaulty(String personId) {
        return FAULTY.contains(personId);
    }

    public static void repairAll() {
        ARMED.set(false);
        FAULTY.clear();
    }

    @EventHandler
    void on(NaturalPersonRegistered event) {
        if (ARMED.compareAndSet(true, false)) {
            FAULTY.add(event.personId().value());
        }
        failFor(event.personId().value());
    }

    @EventHandler
    void on(PhoneBound event) {
        failFor(event.personId().value());
    }

    private void failFor(String personId) {
        if (FAULTY.contains(personId)) {
            jdbc.update("INSERT INTO person_account_phone (person_id, phone_masked, phone_order) VALUES (?, ?, ?)",
                    "no-such-person", "x", 0);
        }
    }
}
