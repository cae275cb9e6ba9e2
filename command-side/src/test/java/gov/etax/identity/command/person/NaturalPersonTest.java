package gov.etax.identity.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import gov.etax.identity.command.person.InMemoryPorts.InMemoryCredentialStore;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryIdentityClaims;
import gov.etax.identity.command.person.registration.RegistrationHandler;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryPersonalDataVault;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.RealNameEvidence;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.commands.RegisterNaturalPerson;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registration on the natural-person aggregate, through the registration slice's handler, against
 * in-memory ports; the claims following the event are ClaimsAndCollectionsH2Test's.
 */
class NaturalPersonTest {

    private static final String NAME = "王小明";
    private static final String PHONE = "13812345678";
    private static final String USERNAME = "wangxm2024";
    private static final String RESIDENT_ID = "11010519491231002X";
    private static final String FACE_VERIFICATION_ID = "face-7f3a9c";
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

    private FixtureConfiguration<NaturalPerson> fixture;
    private InMemoryIdentityClaims identityClaims;
    private InMemoryCredentialStore credentialStore;
    private InMemoryPersonalDataVault vault;

    @BeforeEach
    void setUp() {
        identityClaims = new InMemoryIdentityClaims();
        credentialStore = new InMemoryCredentialStore();
        vault = new InMemoryPersonalDataVault();
        fixture = new AggregateTestFixture<>(NaturalPerson.class);
        fixture.registerAnnotatedCommandHandler(
                new RegistrationHandler(fixture.getRepository(), identityClaims, credentialStore));
    }

    @Test
    @DisplayName("REG-2: registration emits NaturalPersonRegistered at real-name level 4 with the face verification and encrypted personal data")
    void registrationEmitsEncryptedEventAtLevel4() {
        PersonId personId = PersonId.generate();
        RegisterNaturalPerson command = command(personId, residentId(), PHONE, USERNAME, FACE_VERIFICATION_ID);

        NaturalPersonRegistered event = registerAndCapture(command);

        assertThat(event.personId()).isEqualTo(personId);
        assertThat(event.documentType()).isEqualTo(DocumentType.RESIDENT_IDENTITY_CARD);
        assertThat(event.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_4);
        assertThat(event.faceVerificationId()).isEqualTo(FACE_VERIFICATION_ID);
        assertSealed(personId, event.documentNumber(), RESIDENT_ID);
        assertSealed(personId, event.name(), NAME);
        assertSealed(personId, event.phone(), PHONE);
        assertSealed(personId, event.username(), USERNAME);
    }

    @Test
    @DisplayName("REG-2: the personal data in the event is bound to its person and does not open as another person's")
    void sealedDataIsBoundToItsPerson() {
        PersonId personId = PersonId.generate();
        NaturalPersonRegistered event = registerAndCapture(command(personId, residentId(), PHONE, USERNAME, FACE_VERIFICATION_ID));

        // Same key, other associated data: a ciphertext copied into another person's event must not decrypt.
        PersonId other = PersonId.generate();
        vault.keys.put(other, vault.keys.get(personId));
        assertThatThrownBy(() -> vault.open(other, event.documentNumber())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("REG-2: the password hash goes to the credential store once the person is accepted")
    void credentialStoredAndValuesClaimed() {
        PersonId personId = PersonId.generate();

        fixture.givenNoPriorActivity()
                .when(command(personId, residentId(), PHONE, USERNAME, FACE_VERIFICATION_ID))
                .expectSuccessfulHandlerExecution()
                .expectState(person -> assertThat(person.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_4));

        assertThat(credentialStore.hashes).containsExactlyEntriesOf(Map.of(personId, HASH));
    }

    @Test
    @DisplayName("REG-2, LOGIN-7: the username is optional; without one the event carries none")
    void usernameIsOptional() {
        PersonId personId = PersonId.generate();

        NaturalPersonRegistered event = registerAndCapture(command(personId, residentId(), PHONE, null, FACE_VERIFICATION_ID));

        assertThat(event.username()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DocumentType.class, names = {
            "FOREIGN_PASSPORT", "FOREIGNER_WORK_PERMIT_A", "FOREIGNER_WORK_PERMIT_B", "FOREIGNER_WORK_PERMIT_C"})
    @DisplayName("REG-3: the four foreigners' document types are refused online without an offline collection on record")
    void offlineOnlyTypesRefusedWithoutCollection(DocumentType type) {
        PersonId personId = PersonId.generate();

        fixture.givenNoPriorActivity()
                .when(command(personId, documentOf(type), PHONE, USERNAME, FACE_VERIFICATION_ID))
                .expectException(refusalBecause(PersonReason.DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION))
                .expectNoEvents();

        assertNothingClaimedOrStored();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DocumentType.class, names = {
            "FOREIGN_PASSPORT", "FOREIGNER_WORK_PERMIT_A", "FOREIGNER_WORK_PERMIT_B", "FOREIGNER_WORK_PERMIT_C"})
    @DisplayName("REG-3: the four foreigners' document types register once the service found an offline collection of that document (REG-4's evidence)")
    void offlineOnlyTypesAcceptedWithCollection(DocumentType type) {
        PersonId personId = PersonId.generate();
        RegisterNaturalPerson byFace = command(personId, documentOf(type), PHONE, USERNAME, null);
        RegisterNaturalPerson command = new RegisterNaturalPerson(personId, byFace.documentType(), byFace.document(),
                byFace.name(), byFace.phone(), byFace.username(), HASH, null, RealNameEvidence.HALL_COLLECTION, "collection-1");

        NaturalPersonRegistered event = registerAndCapture(command);

        assertThat(event.documentType()).isEqualTo(type);
        assertThat(event.offlineCollectionId()).isEqualTo("collection-1");
        assertThat(credentialStore.hashes).containsKey(personId);
    }

    @Test
    @DisplayName("REG-3: a face scan does not stand in for the offline collection a foreigner's document needs")
    void faceScanIsNoCollection() {

        fixture.givenNoPriorActivity()
                .when(command(PersonId.generate(), documentOf(DocumentType.FOREIGN_PASSPORT), PHONE, USERNAME, FACE_VERIFICATION_ID))
                .expectException(refusalBecause(PersonReason.DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DocumentType.class, names = {
            "RESIDENT_IDENTITY_CARD", "HK_MACAO_TRAVEL_PERMIT", "TAIWAN_TRAVEL_PERMIT", "CHINESE_PASSPORT",
            "FOREIGN_PERMANENT_RESIDENT_ID_CARD", "HK_MACAO_RESIDENCE_PERMIT", "TAIWAN_RESIDENCE_PERMIT"})
    @DisplayName("REG-3: the seven online document types register directly, with no offline collection on record")
    void onlineTypesAccepted(DocumentType type) {
        PersonId personId = PersonId.generate();

        NaturalPersonRegistered event = registerAndCapture(command(personId, documentOf(type), PHONE, USERNAME, FACE_VERIFICATION_ID));

        assertThat(event.documentType()).isEqualTo(type);
        assertSealed(personId, event.documentNumber(), documentOf(type).value());
    }

    @ParameterizedTest(name = "face verification id [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    @DisplayName("REG-2: registration without a face verification is refused and nothing is claimed or stored")
    void faceVerificationRequired(String faceVerificationId) {
        fixture.givenNoPriorActivity()
                .when(command(PersonId.generate(), residentId(), PHONE, USERNAME, faceVerificationId))
                .expectException(refusalBecause(PersonReason.FACE_VERIFICATION_REQUIRED))
                .expectNoEvents();

        assertNothingClaimedOrStored();
    }

    @Test
    @DisplayName("REG-2: a document already registered is refused, with no event and no credential stored")
    void documentAlreadyRegistered() {
        identityClaims.claimDocument(PersonId.generate(), residentId());
        PersonId personId = PersonId.generate();

        fixture.givenNoPriorActivity()
                .when(command(personId, residentId(), PHONE, USERNAME, FACE_VERIFICATION_ID))
                .expectException(refusalBecause(PersonReason.DOCUMENT_ALREADY_REGISTERED))
                .expectNoEvents();

        assertThat(credentialStore.hashes).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-2: a phone already bound to another person is refused, with no event and no credential stored")
    void phoneAlreadyBound() {
        identityClaims.claimPhone(PersonId.generate(), new MobilePhone(PHONE));
        PersonId personId = PersonId.generate();

        fixture.givenNoPriorActivity()
                .when(command(personId, residentId(), PHONE, USERNAME, FACE_VERIFICATION_ID))
                .expectException(refusalBecause(PersonReason.PHONE_ALREADY_BOUND))
                .expectNoEvents();

        assertThat(credentialStore.hashes).isEmpty();
    }

    @Test
    @DisplayName("LOGIN-7: a username already in use is refused, with no event and no credential stored")
    void usernameTaken() {
        identityClaims.claimUsername(PersonId.generate(), new Username(USERNAME));
        PersonId personId = PersonId.generate();

        fixture.givenNoPriorActivity()
                .when(command(personId, residentId(), PHONE, USERNAME, FACE_VERIFICATION_ID))
                .expectException(refusalBecause(PersonReason.USERNAME_TAKEN))
                .expectNoEvents();

        assertThat(credentialStore.hashes).isEmpty();
    }

    // --- helpers ---

    private static DocumentNumber residentId() {
        return new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, RESIDENT_ID);
    }

    /** A valid number for each document type. */
    private static DocumentNumber documentOf(DocumentType type) {
        String number = switch (type) {
            case RESIDENT_IDENTITY_CARD -> RESIDENT_ID;
            case HK_MACAO_TRAVEL_PERMIT -> "H12345678";
            case TAIWAN_TRAVEL_PERMIT -> "12345678";
            case CHINESE_PASSPORT -> "E12345678";
            case FOREIGN_PERMANENT_RESIDENT_ID_CARD -> "ABC123456789012";
            case HK_MACAO_RESIDENCE_PERMIT -> "810000199001010019";
            case TAIWAN_RESIDENCE_PERMIT -> "830000198512310039";
            case FOREIGN_PASSPORT, FOREIGNER_WORK_PERMIT_A, FOREIGNER_WORK_PERMIT_B, FOREIGNER_WORK_PERMIT_C -> "X1234567";
        };
        return new DocumentNumber(type, number);
    }

    /** As the registration service sends it: the personal data sealed under the person's key. */
    private RegisterNaturalPerson command(PersonId personId, DocumentNumber document, String phone,
                                          String username, String faceVerificationId) {
        return new RegisterNaturalPerson(personId, document.type(), InMemoryPorts.sealed(vault, personId, document),
                vault.sealerFor(personId).seal(new PersonName(NAME).value()),
                InMemoryPorts.sealed(vault, personId, new MobilePhone(phone)),
                username == null ? null : InMemoryPorts.sealed(vault, personId, new Username(username)), HASH,
                faceVerificationId);
    }

    /** Runs the command, expects exactly one NaturalPersonRegistered and returns it for closer checks. */
    private NaturalPersonRegistered registerAndCapture(RegisterNaturalPerson command) {
        AtomicReference<NaturalPersonRegistered> captured = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(payload -> {
                            if (payload instanceof NaturalPersonRegistered registered) {
                                captured.set(registered);
                                return true;
                            }
                            return false;
                        }),
                        andNoMore())));
        return captured.get();
    }

    /** The event holds ciphertext only: it opens to the value under the person's key and does not show it. */
    private void assertSealed(PersonId personId, EncryptedText sealed, String plaintext) {
        assertThat(sealed).isNotNull();
        assertThat(sealed.ciphertext()).doesNotContain(plaintext);
        assertThat(vault.open(personId, sealed)).isEqualTo(plaintext);
    }

    private void assertNothingClaimedOrStored() {
        assertThat(credentialStore.hashes).as("stored credentials").isEmpty();
    }

    /** Matches a Refusal with the given reason; any other exception type does not match. */
    private static Matcher<Refusal> refusalBecause(Reason reason) {
        return new FeatureMatcher<Refusal, Reason>(Matchers.equalTo(reason), "Refusal with reason", "reason") {
            @Override
            protected Reason featureValueOf(Refusal actual) {
                return actual.reason();
            }
        };
    }
}
