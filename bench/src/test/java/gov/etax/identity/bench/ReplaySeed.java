package gov.etax.identity.bench;

import static gov.etax.identity.bench.Bench.env;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.events.EnterpriseTaxInformationConfirmed;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.events.HistoryRecordCleared;
import gov.etax.identity.kernel.person.events.LoginFailed;
import gov.etax.identity.kernel.person.events.LoginSucceeded;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Seeds an event store for the replay benchmark with the events the command side
 * would have written: the kernel's event records, serialized by Axon's {@link JacksonSerializer} over an
 * ObjectMapper set up as Spring Boot sets up the applications' (non_null, ISO dates), in rows of the
 * same shape as Axon's JDBC engine writes (ISO instant with milliseconds, no payload revision), and
 * personal data sealed under per-subject data keys wrapped by the master key, as the command side's
 * vault does, so the query side opens them exactly as it opens real ones.
 *
 * <p>The mix comes in blocks of ten persons and one enterprise: ten registrations, the legal
 * representative bound and the enterprise confirmed, three sessions per person (logins and logouts,
 * some at the enterprise entry, some switched, some failed attempts first), usernames and second
 * phones, three staff nominations of which two are confirmed and one of those revoked, and now and then
 * a cleared history record. About 85 events a block. The expected sizes of every read model are
 * written to {@code BENCH_OUT}, so the replay can be checked for completeness, not only for speed.
 *
 * <p>Environment: {@code DB_URL} (a database migrated by the applications' Flyway scripts),
 * {@code DB_USER}, {@code DB_PASSWORD}, {@code BENCH_REPLAY_EVENTS} (1,000,000; the seed stops at the
 * first block boundary at or past it), {@code ETAX_MASTER_KEY} (the query side's master key;
 * scripts/bench-replay.sh reads it from the dev key ring), {@code BENCH_OUT}.
 */
public final class ReplaySeed {

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 20_000;
    private static final String STAFF = "bench-staff";
    private static final Set<FunctionSet> TAX_SETS = FunctionSet.taxSets();

    private final JacksonSerializer serializer;
    private final SecretKey masterKey;
    private final Random random = new Random(20261127L);
    private final Connection connection;
    private final PreparedStatement insertEvent;
    private final PreparedStatement insertKey;
    private final Map<String, Long> expected = new TreeMap<>();
    private Instant clock = Instant.parse("2026-01-05T01:00:00Z");
    private long events;
    private int pendingEvents;
    private int pendingKeys;
    private long sinceCommit;

    private ReplaySeed(Connection connection, SecretKey masterKey) throws SQLException {
        this.connection = connection;
        this.masterKey = masterKey;
        this.serializer = JacksonSerializer.builder().objectMapper(bootLikeObjectMapper()).build();
        this.insertEvent = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, "
                + "type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertKey = connection.prepareStatement(
                "INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)");
    }

    /** What Spring Boot's Jackson auto-configuration builds, plus the applications' {@code spring.jackson} settings. */
    static ObjectMapper bootLikeObjectMapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public static void main(String[] args) throws Exception {
        String url = env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/etax_bench_replay");
        long target = Long.parseLong(env("BENCH_REPLAY_EVENTS", "1000000"));
        Path out = Path.of(env("BENCH_OUT", "replay-seed.properties"));
        SecretKey masterKey = AesGcm.keyFromBase64(System.getenv("ETAX_MASTER_KEY"), "ETAX_MASTER_KEY");
        // Multi-row INSERTs instead of one round trip per row: the driver rewrites each batch.
        String batchUrl = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        long started = System.nanoTime();
        ReplaySeed seed;
        try (Connection connection = DriverManager.getConnection(batchUrl, env("DB_USER", "postgres"),
                env("DB_PASSWORD", ""))) {
            connection.setAutoCommit(false);
            seed = new ReplaySeed(connection, masterKey);
            long block = 0;
            while (seed.events < target) {
                seed.block(block++);
            }
            seed.flush();
            connection.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        seed.expected.put("events", seed.events);
        try (Writer writer = Files.newBufferedWriter(out)) {
            for (Map.Entry<String, Long> entry : seed.expected.entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
            writer.write(String.format(java.util.Locale.ROOT, "seed_seconds=%.1f%nseed_events_per_s=%.0f%n", seconds,
                    seed.events / seconds));
        }
        System.out.printf(java.util.Locale.ROOT, "seeded %d events in %.1f s (%.0f events/s); expected counts in %s%n",
                seed.events, seconds, seed.events / seconds, out);
    }

    // ------------------------------------------------------------------ the mix

    /** A person as the generator follows it: the aggregate's next sequence number and its data key. */
    private final class Person {
        final PersonId id;
        final String document;
        final SecretKey key;
        long sequence;

        Person(long n) throws SQLException {
            this.id = new PersonId("person-" + uuid());
            this.document = RegistrationSimulation.residentIdNumber(n);
            this.key = dataKey(id.value());
        }

        EncryptedText seal(String plaintext) {
            return AesGcm.seal(key, plaintext, id.value());
        }
    }

    private void block(long b) throws SQLException {
        Person[] persons = new Person[10];
        for (int j = 0; j < persons.length; j++) {
            long n = b * persons.length + j;
            Person person = new Person(n);
            persons[j] = person;
            append(person.id.value(), person.sequence++, "NaturalPerson", anonymous(), new NaturalPersonRegistered(
                    person.id, DocumentType.RESIDENT_IDENTITY_CARD, person.seal(person.document),
                    person.seal(j % 2 == 0 ? "王小明" : "李华"), person.seal(RegistrationSimulation.phone(n)), null,
                    RealNameLevel.LEVEL_4, "face-scan-" + uuid()));
            count("persons");
            count("phones");
        }

        // The enterprise and its legal representative (persons[0]), confirmed by tax authority staff.
        Person representative = persons[0];
        EnterpriseId enterprise = new EnterpriseId("enterprise-" + uuid());
        Uscc uscc = new Uscc(uscc(b));
        AuthorizationId bound = new AuthorizationId("authorization-" + uuid());
        SecretKey boundKey = dataKey(bound.value());
        append(bound.value(), 0, "Authorization", staff(), new LegalRepresentativeBound(bound, enterprise, uscc,
                representative.id, DocumentType.RESIDENT_IDENTITY_CARD,
                AesGcm.seal(boundKey, representative.document, bound.value()),
                AesGcm.seal(boundKey, "王小明", bound.value()), LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION, STAFF));
        append(enterprise.value(), 0, "Enterprise", staff(), new EnterpriseTaxInformationConfirmed(enterprise, uscc,
                "基准企业" + b, bound, null, STAFF));
        count("enterprises");
        count("authorizations");
        count("authorizations_active");
        count("relationship_starts");

        // The first round of sessions: everybody logs in and out once; the representative at the enterprise.
        ActingFor asRepresentative = new ActingFor(uscc, RelationshipRole.LEGAL_REPRESENTATIVE);
        for (int j = 0; j < persons.length; j++) {
            Person person = persons[j];
            if (j % 6 == 0) {
                append(person.id.value(), person.sequence++, "NaturalPerson", anonymous(), new LoginFailed(person.id,
                        LoginEntry.NATURAL_PERSON, AuthenticationMethod.PASSWORD_SMS, LoginFailure.WRONG_PASSWORD, 1));
                count("history");
            }
            String secondPhone = j % 7 == 3 ? RegistrationSimulation.phone(b * persons.length + j + 5_000_000L) : null;
            session(person, j == 0 ? LoginEntry.ENTERPRISE : LoginEntry.NATURAL_PERSON,
                    j == 0 ? asRepresentative : null, j % 5 == 0, secondPhone);
        }

        // The representative names three tax officers; two confirm, one of those is revoked later.
        String representativeSession = "session-" + uuid();
        AuthorizationId[] nominated = new AuthorizationId[3];
        for (int k = 0; k < nominated.length; k++) {
            Person nominee = persons[k + 1];
            AuthorizationId id = new AuthorizationId("authorization-" + uuid());
            SecretKey key = dataKey(id.value());
            nominated[k] = id;
            append(id.value(), 0, "Authorization", person(representative, representativeSession, asRepresentative),
                    new StaffNominated(id, enterprise, uscc, RelationshipRole.TAX_OFFICER,
                            k == 0 ? TaxOfficerIdentity.MAIN : TaxOfficerIdentity.SUB, TAX_SETS,
                            LocalDate.of(2027, 12, 31), nominee.id, DocumentType.RESIDENT_IDENTITY_CARD,
                            AesGcm.seal(key, nominee.document, id.value()), representative.id,
                            RelationshipRole.LEGAL_REPRESENTATIVE));
            count("authorizations");
        }
        count("authorizations_pending");
        ActingFor asOfficer = new ActingFor(uscc, RelationshipRole.TAX_OFFICER);
        for (int k = 0; k < 2; k++) {
            Person nominee = persons[k + 1];
            String nomineeSession = "session-" + uuid();
            append(nominated[k].value(), 1, "Authorization", person(nominee, nomineeSession, null),
                    new AuthorizationConfirmed(nominated[k], nominee.id, uscc, Confirmation.FACE_SESSION, null));
            count("relationship_starts");
            // The new officer switches into the enterprise (ACC-8) and logs out from there.
            SessionId from = new SessionId("session-" + uuid());
            SessionId to = new SessionId("session-" + uuid());
            append(nominee.id.value(), nominee.sequence++, "NaturalPerson", anonymous(), new LoginSucceeded(nominee.id,
                    from, LoginEntry.NATURAL_PERSON, AuthenticationMethod.PASSWORD_FACE, false, null));
            append(nominee.id.value(), nominee.sequence++, "NaturalPerson", person(nominee, from.value(), null),
                    new SessionSwitched(nominee.id, from, to, LoginEntry.ENTERPRISE, asOfficer));
            append(nominee.id.value(), nominee.sequence++, "NaturalPerson", person(nominee, to.value(), asOfficer),
                    new SessionEnded(nominee.id, to, SessionEndReason.LOGOUT, null));
            count("history", 2);
            count("ended_sessions", 2);
        }
        count("authorizations_active", 1);

        // Two more rounds of everyday sessions.
        for (int round = 0; round < 2; round++) {
            for (int j = 0; j < persons.length; j++) {
                session(persons[j], round == 0 && j == 0 ? LoginEntry.ENTERPRISE : LoginEntry.NATURAL_PERSON,
                        round == 0 && j == 0 ? asRepresentative : null, false, null);
            }
        }

        append(nominated[1].value(), 2, "Authorization", person(representative, representativeSession, asRepresentative),
                new RelationshipRevoked(nominated[1], EndingSide.ENTERPRISE, representative.id.value(), uscc,
                        EndReason.DUTIES_CHANGED));
        count("authorizations_revoked");
        count("history"); // the ended relationship, in the officer's history

        if (b % 5 == 0) {
            // A person hides their first login from their own history (ACC-10).
            Person person = persons[persons.length - 1];
            append(person.id.value(), person.sequence++, "NaturalPerson", person(person, "session-" + uuid(), null),
                    new HistoryRecordCleared(person.id, lastLoginRecord.get(person.id.value())));
            count("history_cleared");
        }
    }

    private final Map<String, String> lastLoginRecord = new java.util.HashMap<>();

    /** A login, perhaps a username chosen or a phone added in the session, and the logout. */
    private void session(Person person, LoginEntry entry, ActingFor actingFor, boolean chooseUsername, String newPhone)
            throws SQLException {
        SessionId session = new SessionId("session-" + uuid());
        String record = append(person.id.value(), person.sequence++, "NaturalPerson", anonymous(), new LoginSucceeded(
                person.id, session, entry, actingFor == null ? AuthenticationMethod.PASSWORD_SMS
                : AuthenticationMethod.PASSWORD_FACE, false, actingFor));
        lastLoginRecord.putIfAbsent(person.id.value(), record);
        count("history");
        Map<String, Object> inSession = person(person, session.value(), actingFor);
        if (chooseUsername) {
            append(person.id.value(), person.sequence++, "NaturalPerson", inSession,
                    new UsernameChanged(person.id, person.seal("u" + person.document.substring(6, 17)), false));
            count("usernames");
        }
        if (newPhone != null) {
            append(person.id.value(), person.sequence++, "NaturalPerson", inSession,
                    new PhoneBound(person.id, person.seal(newPhone), PhoneBound.How.ACCOUNT_CENTER, null));
            count("phones");
        }
        append(person.id.value(), person.sequence++, "NaturalPerson", inSession, new SessionEnded(person.id, session, SessionEndReason.LOGOUT, null));
        count("ended_sessions");
    }

    // ------------------------------------------------------------------ metadata as the command side writes it

    private Map<String, Object> anonymous() {
        Map<String, Object> meta = trace();
        meta.put("actorType", "ANONYMOUS");
        return meta;
    }

    private Map<String, Object> staff() {
        Map<String, Object> meta = trace();
        meta.put("actorType", "STAFF");
        meta.put("actorId", STAFF);
        meta.put("staffRole", "TAX_STAFF");
        return meta;
    }

    private Map<String, Object> person(Person person, String session, ActingFor actingFor) {
        Map<String, Object> meta = trace();
        meta.put("entry", actingFor == null ? "NATURAL_PERSON" : "ENTERPRISE");
        meta.put("actorType", "PERSON");
        meta.put("actorId", person.id.value());
        meta.put("sessionId", session);
        if (actingFor != null) {
            meta.put("actingRole", actingFor.role().name());
            meta.put("actingForEnterprise", actingFor.enterprise().value());
        }
        return meta;
    }

    private Map<String, Object> trace() {
        String trace = uuid();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("traceId", trace);
        meta.put("channel", "web");
        meta.put("correlationId", trace);
        return meta;
    }

    // ------------------------------------------------------------------ rows

    /** Appends one event row; returns its event identifier (the id of a history record it makes). */
    private String append(String aggregate, long sequence, String type, Map<String, Object> metaData, Object payload)
            throws SQLException {
        // Seconds apart on average: a million events cover a few months of use.
        clock = clock.plusMillis(1 + random.nextInt(20_000));
        String eventId = uuid();
        SerializedObject<byte[]> serializedPayload = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> serializedMetaData = serializer.serialize(MetaData.from(metaData), byte[].class);
        insertEvent.setString(1, aggregate);
        insertEvent.setLong(2, sequence);
        insertEvent.setString(3, type);
        insertEvent.setString(4, eventId);
        insertEvent.setBytes(5, serializedMetaData.getData());
        insertEvent.setBytes(6, serializedPayload.getData());
        insertEvent.setString(7, serializedPayload.getType().getRevision());
        insertEvent.setString(8, serializedPayload.getType().getName());
        insertEvent.setString(9, org.axonframework.common.DateTimeUtils.formatInstant(clock));
        insertEvent.addBatch();
        events++;
        count("events_" + payload.getClass().getSimpleName());
        if (++pendingEvents == BATCH) {
            flush();
        }
        return eventId;
    }

    /** A new data key for the subject, wrapped and stored as the command side's vault stores it. */
    private SecretKey dataKey(String subject) throws SQLException {
        SecretKey key = AesGcm.newKey();
        insertKey.setString(1, subject);
        insertKey.setBytes(2, AesGcm.wrap(masterKey, key, subject));
        insertKey.setTimestamp(3, Timestamp.from(clock));
        insertKey.addBatch();
        pendingKeys++;
        return key;
    }

    private void flush() throws SQLException {
        if (pendingKeys > 0) {
            insertKey.executeBatch();
            pendingKeys = 0;
        }
        if (pendingEvents > 0) {
            insertEvent.executeBatch();
            sinceCommit += pendingEvents;
            pendingEvents = 0;
        }
        if (sinceCommit >= COMMIT_EVERY) {
            connection.commit();
            sinceCommit = 0;
        }
    }

    private void count(String what) {
        count(what, 1);
    }

    private void count(String what, long n) {
        expected.merge(what, n, Long::sum);
    }

    /** Lower-case random UUIDs (the identifiers' canonical form) from a seeded, fast generator. */
    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static String uscc(long n) {
        String body = "91360200" + String.format("%09d", n % 1_000_000_000L);
        return body + Uscc.checkCharacter(body);
    }
}
