package gov.etax.identity.command.person.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.OfflineCollectionId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.commands.RecordOfflineCollection;
import gov.etax.identity.kernel.person.events.OfflineRealNameCollected;
import gov.etax.identity.kernel.privacy.AesGcm;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKey;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Recording an offline real-name collection (REG-3) on its own small aggregate, with in-memory records. */
class OfflineCollectionTest {

    private static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");
    private static final DocumentNumber PASSPORT = new DocumentNumber(DocumentType.FOREIGN_PASSPORT, "X12345678");

    private final OfflineCollectionId id = OfflineCollectionId.generate();
    private final InMemoryRecords records = new InMemoryRecords();
    private final PersonalDataVault vault = new PersonalDataVault() {
        @Override
        public Sealer sealerFor(String subjectId) {
            return records.sealerFor(OfflineCollectionId.parse(subjectId));
        }

        @Override
        public java.util.Optional<Opener> openerFor(String subjectId) {
            return java.util.Optional.of(text -> records.open(OfflineCollectionId.parse(subjectId), text));
        }
    };
    private FixtureConfiguration<OfflineCollection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OfflineCollection.class);
    }

    @Test
    @DisplayName("REG-3: a collection records OfflineRealNameCollected, document and name encrypted under the collection's own key, and puts the document on record")
    void recordsCollection() {
        AtomicReference<OfflineRealNameCollected> collected = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(command(" 南昌市东湖区办税服务厅 "))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(payload -> {
                    if (payload instanceof OfflineRealNameCollected event) {
                        collected.set(event);
                        return true;
                    }
                    return false;
                }), andNoMore())));

        OfflineRealNameCollected event = collected.get();
        assertThat(event.collectionId()).isEqualTo(id);
        assertThat(event.documentType()).isEqualTo(DocumentType.FOREIGN_PASSPORT);
        assertThat(event.hall()).isEqualTo("南昌市东湖区办税服务厅");
        assertThat(event.collectedBy()).isEqualTo("staff-0042");
        assertThat(event.documentNumber().ciphertext()).doesNotContain(PASSPORT.value());
        assertThat(records.open(id, event.documentNumber())).isEqualTo(PASSPORT.value());
        assertThat(records.open(id, event.name())).isEqualTo("John Smith");
        new OfflineCollectionLookup(records, vault).on(event, NOW);
        assertThat(records.onRecord).containsEntry(PASSPORT, new Row(id, "南昌市东湖区办税服务厅", "staff-0042", NOW));
    }

    @Test
    @DisplayName("REG-3: a collection without a service hall is refused and records nothing")
    void needsHall() {
        fixture.givenNoPriorActivity()
                .when(command("  "))
                .expectException(new FeatureMatcher<Refusal, Object>(
                        Matchers.equalTo(OfflineCollectionReason.INVALID_SERVICE_HALL), "Refusal with reason", "reason") {
                    @Override
                    protected Object featureValueOf(Refusal actual) {
                        return actual.reason();
                    }
                })
                .expectNoEvents();
        assertThat(records.onRecord).isEmpty();
    }

    /** As the service sends it: document and name sealed under the collection's own key. */
    private RecordOfflineCollection command(String hall) {
        PersonalDataVault.Sealer sealer = vault.sealerFor(id.value());
        return new RecordOfflineCollection(id, PASSPORT.type(), sealer.seal(PASSPORT.value()),
                sealer.seal(new PersonName("John Smith").value()), hall, "staff-0042");
    }

    record Row(OfflineCollectionId collectionId, String hall, String collectedBy, Instant collectedAt) {
    }

    /** Rows and data keys in memory; really encrypts, so the look-up and the test open what the aggregate sealed. */
    static final class InMemoryRecords implements OfflineCollectionRecords {

        final Map<DocumentNumber, Row> onRecord = new HashMap<>();
        final Map<OfflineCollectionId, SecretKey> keys = new HashMap<>();

        @Override
        public void putOnRecord(OfflineCollectionId collectionId, DocumentNumber document, PersonName name, String hall,
                                String collectedBy, Instant collectedAt) {
            onRecord.put(document, new Row(collectionId, hall, collectedBy, collectedAt));
        }

        /** The collection's own data key, as the vault keeps it; the test opens what was sealed. */
        PersonalDataVault.Sealer sealerFor(OfflineCollectionId collectionId) {
            SecretKey key = keys.computeIfAbsent(collectionId, ignored -> AesGcm.newKey());
            return plaintext -> AesGcm.seal(key, plaintext, collectionId.value());
        }

        String open(OfflineCollectionId collectionId, gov.etax.identity.kernel.privacy.EncryptedText text) {
            return AesGcm.open(keys.get(collectionId), text, collectionId.value());
        }
    }
}
