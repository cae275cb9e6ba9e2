package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.query.infrastructure.persistence.BatchedWrites;
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import gov.etax.identity.query.privacy.PersonalDataReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a batch of the authorizations processor changed, kept in memory until the batch commits and then
 * written as JDBC batches, like {@code PersonAccountWrites}: the batch's changes of each authorization are
 * applied in order to its row, read at most once (one query for all the batch's authorizations begun
 * before it), and each row and each person seen is written once.
 *
 * <p>The events are applied at the commit, in their order, to what the batch needs read in one query
 * each: its authorizations begun before it, the stored authorizations awaiting a holder named by
 * document (docs/adr/0031) with the document of a person the batch saw, and the stored persons with
 * the document of an authorization it left awaiting one. A holder is matched at the event where the
 * second of the pair arrives, as each event had written its rows at once; the rows come out the same.
 *
 * <p>An event set aside (dead-lettered) has its change undone through {@link BatchedWrites#undoable}.
 * Outside a unit of work each change is written at once.
 */
@Component
public class AuthorizationWrites {

    private static final String BATCH = AuthorizationWrites.class.getName();
    /** Rows read per query: well under the bind-parameter limits of both engines. */
    private static final int CHUNK = 500;
    private static final int KEYS_PER_QUERY = 100;

    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;
    private final PersonalDataReader personalData;
    private final String upsertAuthorization;
    private final String upsertPerson;
    private final String upsertEnterprise;

    AuthorizationWrites(JdbcTemplate jdbc, BatchedWrites writes, PersonalDataReader personalData, Upserts upserts) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.personalData = personalData;
        this.upsertAuthorization = upserts.overwrite("authorization_view", "authorization_id", AuthorizationRow.COLUMNS);
        this.upsertPerson = upserts.overwrite("authorization_person", "person_id",
                "person_id, document_type, document_masked, document_sealed, name");
        this.upsertEnterprise = upserts.overwrite("authorization_enterprise", "enterprise_id", "enterprise_id, uscc, name");
    }

    /**
     * A registered person as this projection keeps them; {@code document} is the number opened, only in
     * memory, for matching.
     */
    record PersonRow(String personId, String documentType, String documentMasked, String documentSealed, String name,
                     String document) {

        DocumentKey key() {
            return new DocumentKey(documentType, documentMasked);
        }
    }

    /** Type and masked number: what the stored rows are looked up by before the full numbers are compared. */
    record DocumentKey(String type, String masked) {
    }

    /** The authorization begins (a row already there, from a replay or a stolen claim, is overwritten whole). */
    void started(AuthorizationRow row) {
        step(new Started(row));
    }

    /** A change of an authorization begun before; none if it is unknown. */
    void changed(String authorizationId, UnaryOperator<AuthorizationRow> change) {
        step(new Changed(authorizationId, change));
    }

    void personSeen(PersonRow person) {
        step(new PersonSeen(person));
    }

    void enterpriseSeen(String enterpriseId, String uscc, String name) {
        step(new EnterpriseSeen(enterpriseId, uscc, name));
    }

    /**
     * Hands {@code use} the authorization's row as the events before this one left it, with the name its
     * enterprise had then, once the batch's rows are known: at the commit, after they are written.
     */
    public void whenKnown(String authorizationId, BiConsumer<AuthorizationRow, String> use) {
        step(new Seen(authorizationId, use));
    }

    private void step(Step step) {
        Batch batch = batch();
        if (batch == null) {
            Batch now = new Batch();
            now.steps.add(step);
            write(now);
            return;
        }
        batch.steps.add(step);
        writes.undoable(() -> batch.steps.remove(batch.steps.size() - 1));
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(unitOfWork -> write(batch));
            return batch;
        });
    }

    /**
     * Reads what the batch needs (its authorizations begun before it, the stored authorizations awaiting a
     * holder with the document of a person it saw, the stored persons with the document of an
     * authorization it left awaiting one), applies its events in order, then writes what changed.
     */
    private void write(Batch batch) {
        Set<String> begunBefore = new LinkedHashSet<>();
        Set<String> begun = new HashSet<>();
        Set<DocumentKey> registered = new LinkedHashSet<>();
        Set<DocumentKey> named = new LinkedHashSet<>();
        for (Step step : batch.steps) {
            if (step instanceof Started started) {
                begun.add(started.row().authorizationId());
                if (started.row().awaitsHolder()) {
                    named.add(keyOf(started.row()));
                }
            } else if (step instanceof PersonSeen seen) {
                registered.add(seen.person().key());
            } else if (step.authorizationId() != null && !begun.contains(step.authorizationId())) {
                begunBefore.add(step.authorizationId());
            }
        }
        Map<String, Optional<AuthorizationRow>> stored = load(begunBefore);
        for (AuthorizationRow candidate : awaitingHolder(registered)) {
            stored.putIfAbsent(candidate.authorizationId(), Optional.of(candidate));
        }
        stored.values().forEach(row -> row.filter(AuthorizationRow::awaitsHolder).ifPresent(r -> named.add(keyOf(r))));
        Map<DocumentKey, List<PersonRow>> persons = new HashMap<>();
        persons(named).forEach(person -> persons.computeIfAbsent(person.key(), key -> new ArrayList<>()).add(person));

        Map<String, Optional<AuthorizationRow>> rows = new LinkedHashMap<>(stored);
        Map<String, PersonRow> seenPersons = new LinkedHashMap<>();
        Map<String, Object[]> enterprises = new LinkedHashMap<>();
        List<Runnable> uses = new ArrayList<>();
        Set<String> enterprisesAsStored = new LinkedHashSet<>();
        Map<Seen, String> enterpriseNames = new HashMap<>();
        for (Step step : batch.steps) {
            if (step instanceof Started started) {
                AuthorizationRow row = started.row();
                rows.put(row.authorizationId(), Optional.of(row.awaitsHolder() ? holderOf(row, persons) : row));
            } else if (step instanceof Changed changed) {
                rows.computeIfPresent(changed.authorizationId(), (id, row) -> row.map(changed.change()));
            } else if (step instanceof PersonSeen seen) {
                PersonRow person = seen.person();
                seenPersons.put(person.personId(), person);
                persons.computeIfAbsent(person.key(), key -> new ArrayList<>()).add(person);
                rows.replaceAll((id, row) -> row.map(r -> r.awaitsHolder() && keyOf(r).equals(person.key())
                        && person.document().equals(documentOf(r)) ? r.withHolder(person.personId()) : r));
            } else if (step instanceof EnterpriseSeen enterprise) {
                enterprises.put(enterprise.enterpriseId(),
                        new Object[] {enterprise.enterpriseId(), enterprise.uscc(), enterprise.name()});
            } else if (step instanceof Seen seen) {
                Optional<AuthorizationRow> row = rows.getOrDefault(seen.authorizationId(), Optional.empty());
                row.ifPresent(r -> {
                    Object[] enterprise = enterprises.get(r.enterpriseId());
                    if (enterprise == null) {
                        enterprisesAsStored.add(r.enterpriseId());
                    } else {
                        enterpriseNames.put(seen, (String) enterprise[2]);
                    }
                    uses.add(() -> seen.use().accept(r, enterpriseNames.get(seen)));
                });
            }
        }
        Map<String, String> storedNames = enterpriseNames(enterprisesAsStored);
        batch.steps.stream().filter(step -> step instanceof Seen && !enterpriseNames.containsKey(step))
                .map(Seen.class::cast)
                .forEach(seen -> rows.getOrDefault(seen.authorizationId(), Optional.empty())
                        .ifPresent(r -> enterpriseNames.put(seen, storedNames.get(r.enterpriseId()))));

        List<Object[]> authorizations = new ArrayList<>();
        rows.forEach((id, row) -> {
            if (row.isPresent() && !row.equals(stored.get(id))) {
                authorizations.add(row.get().values());
            }
        });
        if (!authorizations.isEmpty()) {
            jdbc.batchUpdate(upsertAuthorization, authorizations);
        }
        if (!seenPersons.isEmpty()) {
            jdbc.batchUpdate(upsertPerson, seenPersons.values().stream()
                    .map(p -> new Object[] {p.personId(), p.documentType(), p.documentMasked(), p.documentSealed(), p.name()})
                    .toList());
        }
        if (!enterprises.isEmpty()) {
            jdbc.batchUpdate(upsertEnterprise, new ArrayList<>(enterprises.values()));
        }
        uses.forEach(Runnable::run);
    }

    /** The first person seen so far with the same document becomes the holder. */
    private AuthorizationRow holderOf(AuthorizationRow row, Map<DocumentKey, List<PersonRow>> persons) {
        List<PersonRow> sameMask = persons.get(keyOf(row));
        String document = sameMask == null ? null : documentOf(row);
        if (document == null) {
            return row;
        }
        for (PersonRow person : sameMask) {
            String personDocument = person.document() != null ? person.document()
                    : open(person.personId(), person.documentSealed());
            if (document.equals(personDocument)) {
                return row.withHolder(person.personId());
            }
        }
        return row;
    }

    private String documentOf(AuthorizationRow row) {
        return row.holderDocument() != null ? row.holderDocument() : open(row.authorizationId(), row.holderDocumentSealed());
    }

    private static DocumentKey keyOf(AuthorizationRow row) {
        return new DocumentKey(row.holderDocumentType(), row.holderDocumentMasked());
    }

    private Map<String, String> enterpriseNames(Collection<String> enterpriseIds) {
        Map<String, String> names = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(enterpriseIds), CHUNK)) {
            jdbc.query("SELECT enterprise_id, name FROM authorization_enterprise WHERE enterprise_id IN ("
                    + marks(chunk.size()) + ")", rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    }, chunk.toArray());
        }
        return names;
    }

    /**
     * A stored sealed value opened, or null: a key deleted (the subject forgotten) matches nobody, and
     * neither does a value that does not open, which here, at the commit, would otherwise fail every
     * attempt of the batch instead of one event.
     */
    private String open(String subjectId, String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return personalData.forSubject(subjectId).map(o -> o.open(new EncryptedText(ciphertext))).orElse(null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private Map<String, Optional<AuthorizationRow>> load(Collection<String> authorizationIds) {
        Map<String, Optional<AuthorizationRow>> rows = new LinkedHashMap<>();
        authorizationIds.forEach(id -> rows.put(id, Optional.empty()));
        for (List<String> chunk : chunks(new ArrayList<>(authorizationIds), CHUNK)) {
            jdbc.query("SELECT " + AuthorizationRow.COLUMNS + " FROM authorization_view WHERE authorization_id IN ("
                    + marks(chunk.size()) + ")", rs -> {
                        AuthorizationRow row = authorization(rs);
                        rows.put(row.authorizationId(), Optional.of(row));
                    }, chunk.toArray());
        }
        return rows;
    }

    private List<AuthorizationRow> awaitingHolder(Collection<DocumentKey> keys) {
        List<AuthorizationRow> found = new ArrayList<>();
        for (List<DocumentKey> chunk : chunks(new ArrayList<>(keys), KEYS_PER_QUERY)) {
            jdbc.query("SELECT " + AuthorizationRow.COLUMNS + " FROM authorization_view WHERE holder_person_id IS NULL "
                            + "AND holder_document_sealed IS NOT NULL AND (" + byDocument(chunk.size(), "holder_document_type",
                            "holder_document_masked") + ")",
                    rs -> {
                        found.add(authorization(rs));
                    }, keyValues(chunk));
        }
        return found;
    }

    private List<PersonRow> persons(Collection<DocumentKey> keys) {
        List<PersonRow> found = new ArrayList<>();
        for (List<DocumentKey> chunk : chunks(new ArrayList<>(keys), KEYS_PER_QUERY)) {
            jdbc.query("SELECT person_id, document_type, document_masked, document_sealed, name FROM authorization_person "
                            + "WHERE " + byDocument(chunk.size(), "document_type", "document_masked"),
                    rs -> {
                        found.add(new PersonRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), null));
                    }, keyValues(chunk));
        }
        return found;
    }

    private static AuthorizationRow authorization(ResultSet rs) throws SQLException {
        java.sql.Date validUntil = rs.getDate(7);
        LocalDate until = validUntil == null ? null : validUntil.toLocalDate();
        return new AuthorizationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), until, rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getTimestamp(19).toInstant(), rs.getTimestamp(20).toInstant(), null);
    }

    private static String byDocument(int keys, String typeColumn, String maskedColumn) {
        List<String> terms = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            terms.add("(" + typeColumn + " = ? AND " + maskedColumn + " = ?)");
        }
        return String.join(" OR ", terms);
    }

    private static Object[] keyValues(List<DocumentKey> keys) {
        List<Object> values = new ArrayList<>(keys.size() * 2);
        keys.forEach(key -> {
            values.add(key.type());
            values.add(key.masked());
        });
        return values.toArray();
    }

    private static String marks(int count) {
        return java.util.Collections.nCopies(count, "?").stream().collect(Collectors.joining(", "));
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** One event's part in the batch, in the order of the events. */
    private sealed interface Step permits Started, Changed, PersonSeen, EnterpriseSeen, Seen {
        /** The authorization the step is about, if any. */
        default String authorizationId() {
            return null;
        }
    }

    private record Started(AuthorizationRow row) implements Step {
    }

    private record Changed(String authorizationId, UnaryOperator<AuthorizationRow> change) implements Step {
    }

    private record PersonSeen(PersonRow person) implements Step {
    }

    private record EnterpriseSeen(String enterpriseId, String uscc, String name) implements Step {
    }

    /** Identity, not value: two events may ask about one authorization. */
    private static final class Seen implements Step {
        private final String authorizationId;
        private final BiConsumer<AuthorizationRow, String> use;

        private Seen(String authorizationId, BiConsumer<AuthorizationRow, String> use) {
            this.authorizationId = authorizationId;
            this.use = use;
        }

        @Override
        public String authorizationId() {
            return authorizationId;
        }

        BiConsumer<AuthorizationRow, String> use() {
            return use;
        }
    }

    private static final class Batch {
        private final List<Step> steps = new ArrayList<>();
    }
}
