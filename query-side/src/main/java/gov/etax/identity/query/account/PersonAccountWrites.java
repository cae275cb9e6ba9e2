package gov.etax.identity.query.account;

import gov.etax.identity.query.infrastructure.persistence.BatchedWrites;
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts a batch of the person-accounts processor touched, kept in memory until the batch
 * commits and then written as JDBC batches: one upsert per account, its phones replaced. A person's
 * registration and the phone, username and level changes after it often fall into one batch; each
 * account is read at most once per batch and written once. An event set aside (dead-lettered) has its
 * change undone through {@link BatchedWrites#undoable}. Outside a unit of work it writes at once.
 */
@Component
class PersonAccountWrites {

    private static final String BATCH = PersonAccountWrites.class.getName();

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final String upsert;

    PersonAccountWrites(JdbcTemplate jdbc, BatchedWrites writes, Upserts upserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.upsert = upserts.overwrite("person_account", "person_id",
                "person_id, document_type, document_number_masked, name, username, real_name_level, registered_at");
    }

    /** The account as this batch left it so far, or as stored. */
    Optional<PersonAccountRow> find(String personId) {
        Map<String, Optional<PersonAccountRow>> batch = batch();
        if (batch == null) {
            return load(personId);
        }
        return batch.computeIfAbsent(personId, this::load);
    }

    void save(PersonAccountRow account) {
        Map<String, Optional<PersonAccountRow>> batch = batch();
        if (batch == null) {
            write(List.of(account));
            return;
        }
        String personId = account.personId();
        boolean known = batch.containsKey(personId);
        Optional<PersonAccountRow> before = batch.put(personId, Optional.of(account));
        writes.undoable(() -> {
            if (known) {
                batch.put(personId, before);
            } else {
                batch.remove(personId);
            }
        });
    }

    private Map<String, Optional<PersonAccountRow>> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Map<String, Optional<PersonAccountRow>> accounts = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> write(accounts.values().stream().flatMap(Optional::stream).toList()));
            return accounts;
        });
    }

    /** Accounts only read in the batch are written again unchanged: simpler than tracking which changed. */
    private void write(List<PersonAccountRow> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> owners = new ArrayList<>();
        List<Object[]> phones = new ArrayList<>();
        for (PersonAccountRow account : accounts) {
            rows.add(new Object[] {account.personId(), account.documentType(), account.documentNumberMasked(),
                    account.name(), account.username(), account.realNameLevel(), Timestamp.from(account.registeredAt())});
            owners.add(new Object[] {account.personId()});
            for (int order = 0; order < account.phonesMasked().size(); order++) {
                phones.add(new Object[] {account.personId(), account.phonesMasked().get(order), order});
            }
        }
        jdbc.batchUpdate(upsert, rows);
        jdbc.batchUpdate("DELETE FROM person_account_phone WHERE person_id = ?", owners);
        if (!phones.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO person_account_phone (person_id, phone_masked, phone_order) VALUES (?, ?, ?)",
                    phones);
        }
    }

    private Optional<PersonAccountRow> load(String personId) {
        List<String> phones = jdbc.queryForList("SELECT phone_masked FROM person_account_phone WHERE person_id = ? "
                + "ORDER BY phone_order", String.class, personId);
        return jdbc.query("SELECT person_id, document_type, document_number_masked, name, username, real_name_level, "
                        + "registered_at FROM person_account WHERE person_id = ?",
                (rs, row) -> new PersonAccountRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), phones), personId)
                .stream().findFirst();
    }
}
