package gov.etax.identity.command.person;

import static gov.etax.identity.command.person.AggregateExpectations.onlyEvent;
import static gov.etax.identity.command.person.AggregateExpectations.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.InMemoryPorts.InMemoryIdentityClaims;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryPersonalDataVault;
import gov.etax.identity.command.person.phones.PhoneLimit;
import gov.etax.identity.command.person.phones.PhoneReason;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.commands.BindPhone;
import gov.etax.identity.kernel.person.commands.RecoverPhone;
import gov.etax.identity.kernel.person.commands.UnbindPhone;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.PhoneBound;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Binding, unbinding and recovering phones on the NaturalPerson aggregate (LOGIN-2, LOGIN-3), with
 * in-memory claims; the claims following the events are ClaimsAndCollectionsH2Test's.
 */
class NaturalPersonPhonesTest {

    private static final MobilePhone REGISTERED_PHONE = new MobilePhone("13812345678");
    private static final MobilePhone NEW_PHONE = new MobilePhone("13987654321");

    private final PersonId person = PersonId.generate();
    private final PersonId someoneElse = PersonId.generate();
    private InMemoryIdentityClaims claims;
    private InMemoryPersonalDataVault vault;
    private FixtureConfiguration<NaturalPerson> fixture;

    @BeforeEach
    void setUp() {
        claims = new InMemoryIdentityClaims();
        vault = new InMemoryPersonalDataVault();
        // The registration (given as an event below) claimed its phone, as the real command does.
        claims.claimPhone(person, REGISTERED_PHONE);
        fixture = new AggregateTestFixture<>(NaturalPerson.class);
        fixture.registerInjectableResource(claims);
    }

    @Test
    @DisplayName("LOGIN-2: a person binds another phone: PhoneBound with the phone encrypted under the person's key")
    void bindsAnotherPhone() {
        AtomicReference<PhoneBound> bound = new AtomicReference<>();
        fixture.given(registered())
                .when(new BindPhone(person, sealed(NEW_PHONE)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(PhoneBound.class, bound));

        assertThat(bound.get().personId()).isEqualTo(person);
        assertThat(bound.get().how()).isEqualTo(PhoneBound.How.ACCOUNT_CENTER);
        assertThat(bound.get().faceVerificationId()).isNull();
        assertThat(bound.get().phone().ciphertext()).doesNotContain(NEW_PHONE.value());
        assertThat(vault.open(person, bound.get().phone())).isEqualTo(NEW_PHONE.value());
    }

    @Test
    @DisplayName("LOGIN-2: a phone bound to another person is refused with PHONE_ALREADY_BOUND and nothing is recorded")
    void phoneOfAnotherPerson() {
        claims.claimPhone(someoneElse, NEW_PHONE);
        fixture.given(registered())
                .when(new BindPhone(person, sealed(NEW_PHONE)))
                .expectException(refusal(PersonReason.PHONE_ALREADY_BOUND))
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-2: binding a phone the person already holds changes nothing and answers false")
    void alreadyHeld() {
        fixture.given(registered())
                .when(new BindPhone(person, sealed(REGISTERED_PHONE)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-2: a person holds at most 5 phones; the 6th is refused with PHONE_LIMIT_REACHED")
    void atMostFivePhones() {
        assertThat(PhoneLimit.MAX_PHONES).isEqualTo(5);
        fixture.given(registered(), bound(), bound(), bound(), bound())
                .when(new BindPhone(person, sealed(NEW_PHONE)))
                .expectException(refusal(PhoneReason.PHONE_LIMIT_REACHED, "maxPhones", 5))
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-2: after unbinding one of 5 phones, a 5th may be bound again")
    void limitCountsCurrentPhones() {
        fixture.given(registered(), bound(), bound(), bound(), bound(), unbound())
                .when(new BindPhone(person, sealed(NEW_PHONE)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(PhoneBound.class, new AtomicReference<>()));
    }

    @Test
    @DisplayName("LOGIN-2: unbinding a held phone records PhoneUnbound (encrypted), which frees the phone for anyone")
    void unbinds() {
        claims.claimPhone(person, NEW_PHONE);
        AtomicReference<PhoneUnbound> unbound = new AtomicReference<>();
        fixture.given(registered(), bound())
                .when(new UnbindPhone(person, sealed(NEW_PHONE)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(PhoneUnbound.class, unbound));

        assertThat(unbound.get().cause()).isEqualTo(PhoneUnbound.Cause.BY_PERSON);
        assertThat(unbound.get().phone().ciphertext()).doesNotContain(NEW_PHONE.value());
        assertThat(vault.open(person, unbound.get().phone())).isEqualTo(NEW_PHONE.value());
    }

    @Test
    @DisplayName("LOGIN-2: only the holder unbinds: another person's phone, or one nobody holds, is PHONE_NOT_BOUND_TO_YOU")
    void onlyTheHolderUnbinds() {
        claims.claimPhone(someoneElse, NEW_PHONE);
        fixture.given(registered())
                .when(new UnbindPhone(person, sealed(NEW_PHONE)))
                .expectException(refusal(PhoneReason.PHONE_NOT_BOUND_TO_YOU))
                .expectNoEvents();

        fixture.given(registered())
                .when(new UnbindPhone(person, sealed(new MobilePhone("13700000000"))))
                .expectException(refusal(PhoneReason.PHONE_NOT_BOUND_TO_YOU))
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-3: the last phone may be unbound; the person then holds none, like a migrated person whose duplicate phone was cleared")
    void lastPhoneMayGo() {
        fixture.given(registered())
                .when(new UnbindPhone(person, sealed(REGISTERED_PHONE)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(PhoneUnbound.class, new AtomicReference<>()));
    }

    @Test
    @DisplayName("LOGIN-3: a person without a phone recovers one with a face scan: PhoneBound(PHONE_RECOVERY) names the scan")
    void recoversWithoutPhone() {
        claims.releasePhone(REGISTERED_PHONE);
        AtomicReference<PhoneBound> bound = new AtomicReference<>();
        fixture.given(registered(), unbound())
                .when(new RecoverPhone(person, sealed(NEW_PHONE), "face-scan-42"))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(PhoneBound.class, bound));

        assertThat(bound.get().how()).isEqualTo(PhoneBound.How.PHONE_RECOVERY);
        assertThat(bound.get().faceVerificationId()).isEqualTo("face-scan-42");
        assertThat(vault.open(person, bound.get().phone())).isEqualTo(NEW_PHONE.value());
    }

    @Test
    @DisplayName("LOGIN-3: recovery is refused while the person holds a phone (PHONE_RECOVERY_NOT_NEEDED)")
    void recoveryOnlyWithoutPhone() {
        fixture.given(registered())
                .when(new RecoverPhone(person, sealed(NEW_PHONE), "face-scan-42"))
                .expectException(refusal(PhoneReason.PHONE_RECOVERY_NOT_NEEDED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-3: recovery without a face verification is refused; LOGIN-2: so is a phone another person holds")
    void recoveryNeedsFaceAndFreePhone() {
        claims.releasePhone(REGISTERED_PHONE);
        fixture.given(registered(), unbound())
                .when(new RecoverPhone(person, sealed(NEW_PHONE), " "))
                .expectException(refusal(PhoneReason.RECOVERY_FACE_VERIFICATION_REQUIRED))
                .expectNoEvents();

        claims.claimPhone(someoneElse, NEW_PHONE);
        fixture.given(registered(), unbound())
                .when(new RecoverPhone(person, sealed(NEW_PHONE), "face-scan-42"))
                .expectException(refusal(PersonReason.PHONE_ALREADY_BOUND))
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-3: a migrated person whose only phone was cleared as shared holds none and recovers one")
    void migratedWithoutPhoneRecovers() {
        claims.releasePhone(REGISTERED_PHONE);
        fixture.given(migrated(List.of(), 1))
                .when(new RecoverPhone(person, sealed(NEW_PHONE), "face-scan-42"))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(PhoneBound.class, new AtomicReference<>()));
    }

    @Test
    @DisplayName("LOGIN-2, LOGIN-3: a migrated person's bound phones count: with one, recovery is not needed; with five, the limit is reached")
    void migratedPhonesCount() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        fixture.given(migrated(List.of(sealed), 0))
                .when(new RecoverPhone(person, sealed(NEW_PHONE), "face-scan-42"))
                .expectException(refusal(PhoneReason.PHONE_RECOVERY_NOT_NEEDED));
        fixture.given(migrated(List.of(sealed, sealed, sealed, sealed, sealed), 0))
                .when(new BindPhone(person, sealed(NEW_PHONE)))
                .expectException(refusal(PhoneReason.PHONE_LIMIT_REACHED));
    }

    private SealedIdentifier sealed(MobilePhone phone) {
        return InMemoryPorts.sealed(vault, person, phone);
    }

    private NaturalPersonMigrated migrated(List<EncryptedText> phones, int clearedAsShared) {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonMigrated(person, new ProvinceCode("360000"), DocumentType.RESIDENT_IDENTITY_CARD, sealed,
                sealed, phones, clearedAsShared, 0, RealNameLevel.LEVEL_3, "staff-0001");
    }

    private NaturalPersonRegistered registered() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonRegistered(person, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed, sealed, null,
                RealNameLevel.LEVEL_4, "face-scan-1");
    }

    private PhoneBound bound() {
        return new PhoneBound(person, new EncryptedText("c2VhbGVk"), PhoneBound.How.ACCOUNT_CENTER, null);
    }

    private PhoneUnbound unbound() {
        return new PhoneUnbound(person, new EncryptedText("c2VhbGVk"), PhoneUnbound.Cause.BY_PERSON);
    }
}
