package gov.etax.identity.command.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import gov.etax.identity.command.person.CredentialStore.ProvinceCredential;
import gov.etax.identity.command.person.CredentialStore.StoredCredential;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryCredentialStore;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryIdentityClaims;
import gov.etax.identity.command.person.migration.MigrationHandler;
import gov.etax.identity.command.person.password.PasswordCredentialHandler;
import gov.etax.identity.command.person.unified.ProvinceCredentialHandler;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryPersonalDataVault;
import gov.etax.identity.command.person.unified.UnifiedReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.AddProvinceAccount;
import gov.etax.identity.kernel.person.commands.ChangePassword;
import gov.etax.identity.kernel.person.commands.ChooseUnifiedCredentials;
import gov.etax.identity.kernel.person.commands.MigrateNaturalPerson;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PasswordChanged;
import gov.etax.identity.kernel.person.events.ProvinceAccountAdded;
import gov.etax.identity.kernel.person.events.UnifiedCredentialsChosen;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Migrated persons (REG-5, PWD-2, LOGIN-3) and their province accounts (PWD-6) on the NaturalPerson aggregate. */
class NaturalPersonMigrationTest {

    private static final DocumentNumber DOCUMENT = new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, "11010519491231002X");
    private static final PersonName NAME = new PersonName("李四");
    private static final MobilePhone PHONE = new MobilePhone("13812345678");
    private static final MobilePhone OTHER_PHONE = new MobilePhone("13912345678");
    private static final PasswordHash INITIAL = new PasswordHash("$argon2id$initial");
    private static final PasswordHash SHANGHAI_INITIAL = new PasswordHash("$argon2id$initial-sh");
    private static final PasswordHash CHANGED = new PasswordHash("$argon2id$changed");
    private static final ProvinceCode JIANGXI = new ProvinceCode("360000");
    private static final ProvinceCode SHANGHAI = new ProvinceCode("310000");

    private final PersonId person = PersonId.generate();
    private FixtureConfiguration<NaturalPerson> fixture;
    private InMemoryIdentityClaims claims;
    private InMemoryCredentialStore credentials;
    private InMemoryPersonalDataVault vault;

    @BeforeEach
    void setUp() {
        claims = new InMemoryIdentityClaims();
        credentials = new InMemoryCredentialStore();
        vault = new InMemoryPersonalDataVault();
        fixture = new AggregateTestFixture<>(NaturalPerson.class);
        // The slices' handlers run the aggregate and store the credentials once it accepted.
        fixture.registerAnnotatedCommandHandler(new MigrationHandler(fixture.getRepository(), claims, credentials));
        fixture.registerAnnotatedCommandHandler(new ProvinceCredentialHandler(fixture.getRepository(), credentials));
        fixture.registerAnnotatedCommandHandler(
                new PasswordCredentialHandler(fixture.getRepository(), credentials, Clock.systemUTC()));
    }

    @Test
    @DisplayName("REG-5: a migrated person is at real-name level 3, with document, name and phones encrypted and the province named")
    void migratedAtLevel3() {
        NaturalPersonMigrated event = migrateAndCapture(migrate(List.of(PHONE), 0));

        assertThat(event.personId()).isEqualTo(person);
        assertThat(event.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_3);
        assertThat(event.province()).isEqualTo(JIANGXI);
        assertThat(event.documentType()).isEqualTo(DocumentType.RESIDENT_IDENTITY_CARD);
        assertThat(event.importedBy()).isEqualTo("staff-1");
        assertSealed(event.documentNumber(), DOCUMENT.value());
        assertSealed(event.name(), NAME.value());
        assertThat(event.phones()).hasSize(1);
        assertSealed(event.phones().get(0), PHONE.value());

        fixture.givenNoPriorActivity()
                .when(migrate(PersonId.generate(), new DocumentNumber(DocumentType.CHINESE_PASSPORT, "E12345678"),
                        List.of(), 0))
                .expectState(state -> assertThat(state.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_3));
    }

    @Test
    @DisplayName("PWD-2: the initial password is stored as the province account's credential, in use and to be changed at first login")
    void initialPasswordMustChange() {
        migrateAndCapture(migrate(List.of(PHONE), 0));

        assertThat(credentials.find(person)).hasValue(new StoredCredential(INITIAL, true));
        assertThat(credentials.provinceAccounts(person)).containsExactly(new ProvinceCredential(JIANGXI, true, true));
    }

    @Test
    @DisplayName("LOGIN-3, LOGIN-2: phones cleared as shared are counted; a phone another person holds stays theirs and is not bound")
    void phonesHeldElsewhereAreNotBound() {
        claims.claimPhone(PersonId.generate(), OTHER_PHONE);

        NaturalPersonMigrated event = migrateAndCapture(migrate(List.of(PHONE, OTHER_PHONE), 2));

        assertThat(event.phones()).hasSize(1);
        assertSealed(event.phones().get(0), PHONE.value());
        assertThat(event.phonesBoundToOthers()).isEqualTo(1);
        assertThat(event.phonesClearedAsShared()).isEqualTo(2);
    }

    @Test
    @DisplayName("LOGIN-3: a person whose every phone was cleared is imported without a phone")
    void noPhoneLeft() {
        NaturalPersonMigrated event = migrateAndCapture(migrate(List.of(), 1));

        assertThat(event.phones()).isEmpty();
        assertThat(event.phonesClearedAsShared()).isEqualTo(1);
    }

    @Test
    @DisplayName("REG-2: a document some person already holds is refused, with no event and no credential stored")
    void documentTaken() {
        claims.claimDocument(PersonId.generate(), DOCUMENT);

        fixture.givenNoPriorActivity()
                .when(migrate(List.of(PHONE), 0))
                .expectException(refusalBecause(PersonReason.DOCUMENT_ALREADY_REGISTERED))
                .expectNoEvents();
        assertThat(credentials.hashes).isEmpty();
    }

    @Test
    @DisplayName("PWD-6: an import from a second province adds that province's account; the first one's credentials stay in use")
    void secondProvince() {
        credentials.storeProvince(person, JIANGXI, INITIAL, true);

        fixture.given(migrated())
                .when(new AddProvinceAccount(person, SHANGHAI, SHANGHAI_INITIAL, "staff-2"))
                .expectEvents(new ProvinceAccountAdded(person, SHANGHAI, "staff-2"));

        assertThat(credentials.find(person)).hasValue(new StoredCredential(INITIAL, true));
        assertThat(credentials.provinceAccounts(person)).containsExactly(
                new ProvinceCredential(JIANGXI, true, true), new ProvinceCredential(SHANGHAI, true, false));
    }

    @Test
    @DisplayName("PWD-6: the same province twice is refused (PROVINCE_ACCOUNT_EXISTS)")
    void sameProvinceTwice() {
        fixture.given(migrated(), new ProvinceAccountAdded(person, SHANGHAI, "staff-2"))
                .when(new AddProvinceAccount(person, SHANGHAI, SHANGHAI_INITIAL, "staff-2"))
                .expectException(refusalBecause(UnifiedReason.PROVINCE_ACCOUNT_EXISTS))
                .expectNoEvents();
    }

    @Test
    @DisplayName("PWD-6, REG-2: a person registered online gets no province account from an import")
    void registeredOnlineGetsNoProvinceAccount() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        fixture.given(new NaturalPersonRegistered(person, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed, sealed, null,
                        RealNameLevel.LEVEL_4, "face-scan-1"))
                .when(new AddProvinceAccount(person, SHANGHAI, SHANGHAI_INITIAL, "staff-2"))
                .expectException(refusalBecause(PersonReason.DOCUMENT_ALREADY_REGISTERED))
                .expectNoEvents();
        assertThat(credentials.provinceAccounts(person)).isEmpty();
    }

    @Test
    @DisplayName("PWD-6: choosing a province's credentials as the unified ones puts them in use and records UnifiedCredentialsChosen")
    void chooseUnified() {
        credentials.storeProvince(person, JIANGXI, CHANGED, false);
        credentials.storeProvince(person, SHANGHAI, SHANGHAI_INITIAL, true);

        fixture.given(migrated(), new ProvinceAccountAdded(person, SHANGHAI, "staff-2"))
                .when(new ChooseUnifiedCredentials(person, SHANGHAI))
                .expectEvents(new UnifiedCredentialsChosen(person, SHANGHAI))
                .expectResultMessagePayload(true);

        assertThat(credentials.find(person)).hasValue(new StoredCredential(SHANGHAI_INITIAL, true));
        assertThat(credentials.provinceAccounts(person)).containsExactly(
                new ProvinceCredential(JIANGXI, false, false), new ProvinceCredential(SHANGHAI, true, true));
    }

    @Test
    @DisplayName("PWD-6: choosing the credentials already chosen records nothing")
    void chooseAgain() {
        credentials.storeProvince(person, JIANGXI, INITIAL, true);
        fixture.given(migrated(), new UnifiedCredentialsChosen(person, JIANGXI))
                .when(new ChooseUnifiedCredentials(person, JIANGXI))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("PWD-6: credentials of a province the person holds no account of cannot be chosen")
    void chooseUnheldProvince() {
        fixture.given(migrated())
                .when(new ChooseUnifiedCredentials(person, SHANGHAI))
                .expectException(refusalBecause(UnifiedReason.PROVINCE_ACCOUNT_NOT_HELD))
                .expectNoEvents();
    }

    @Test
    @DisplayName("PWD-6, PWD-4: a password change after the choice changes the unified province's credentials, not the others")
    void changeAfterChoice() {
        credentials.storeProvince(person, JIANGXI, INITIAL, true);
        credentials.storeProvince(person, SHANGHAI, SHANGHAI_INITIAL, true);
        credentials.useProvince(person, SHANGHAI);
        SessionId session = SessionId.generate();

        fixture.given(migrated(), new ProvinceAccountAdded(person, SHANGHAI, "staff-2"),
                        new UnifiedCredentialsChosen(person, SHANGHAI))
                .when(new ChangePassword(person, session, true, CHANGED))
                .expectEvents(new PasswordChanged(person, session));

        assertThat(credentials.find(person)).hasValue(new StoredCredential(CHANGED, false));
        assertThat(credentials.provinceAccounts(person)).containsExactly(
                new ProvinceCredential(JIANGXI, true, false), new ProvinceCredential(SHANGHAI, false, true));
    }

    // --- helpers ---

    private MigrateNaturalPerson migrate(List<MobilePhone> phones, int cleared) {
        return migrate(person, DOCUMENT, phones, cleared);
    }

    /** As the import service sends it: the personal data sealed under the person's key. */
    private MigrateNaturalPerson migrate(PersonId id, DocumentNumber document, List<MobilePhone> phones, int cleared) {
        return new MigrateNaturalPerson(id, JIANGXI, document.type(), InMemoryPorts.sealed(vault, id, document),
                vault.sealerFor(id).seal(NAME.value()),
                phones.stream().map(phone -> InMemoryPorts.sealed(vault, id, phone)).toList(), cleared, INITIAL,
                "staff-1");
    }

    private NaturalPersonMigrated migrated() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonMigrated(person, JIANGXI, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed,
                List.of(sealed), 0, 0, RealNameLevel.LEVEL_3, "staff-1");
    }

    private NaturalPersonMigrated migrateAndCapture(MigrateNaturalPerson command) {
        AtomicReference<NaturalPersonMigrated> captured = new AtomicReference<>();
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(payload -> {
                            if (payload instanceof NaturalPersonMigrated event) {
                                captured.set(event);
                                return true;
                            }
                            return false;
                        }),
                        andNoMore())));
        return captured.get();
    }

    private void assertSealed(EncryptedText sealed, String plaintext) {
        assertThat(sealed.ciphertext()).doesNotContain(plaintext);
        assertThat(vault.open(person, sealed)).isEqualTo(plaintext);
    }

    private static Matcher<Refusal> refusalBecause(Reason reason) {
        return new FeatureMatcher<Refusal, Reason>(Matchers.equalTo(reason), "Refusal with reason", "reason") {
            @Override
            protected Reason featureValueOf(Refusal actual) {
                return actual.reason();
            }
        };
    }
}
