package gov.etax.identity.command.person;

import static gov.etax.identity.command.person.AggregateExpectations.onlyEvent;
import static gov.etax.identity.command.person.AggregateExpectations.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.InMemoryPorts.InMemoryIdentityClaims;
import gov.etax.identity.command.person.InMemoryPorts.InMemoryPersonalDataVault;
import gov.etax.identity.command.person.username.UsernameReason;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.commands.ChangeUsername;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Setting and changing the username on the NaturalPerson aggregate (LOGIN-7), with a movable clock. */
class NaturalPersonUsernameTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final Username REGISTERED = new Username("wangxm2024");
    private static final Username WANTED = new Username("WangXiaoMing");
    private static final Username LATER = new Username("wxm88888");
    /** The last change: 10 March 2025, 15:00 China Standard Time; no 29 February before its anniversary. */
    private static final Instant CHANGED = cst("2025-03-10T15:00:00");

    private final PersonId person = PersonId.generate();
    private final PersonId someoneElse = PersonId.generate();
    private final MutableClock clock = new MutableClock(CHANGED);
    private InMemoryIdentityClaims claims;
    private InMemoryPersonalDataVault vault;
    private FixtureConfiguration<NaturalPerson> fixture;

    @BeforeEach
    void setUp() {
        claims = new InMemoryIdentityClaims();
        vault = new InMemoryPersonalDataVault();
        fixture = new AggregateTestFixture<>(NaturalPerson.class);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(clock);
    }

    @Test
    @DisplayName("LOGIN-7: a person without a username sets one: UsernameChanged, encrypted, not a change")
    void setsFirstUsername() {
        AtomicReference<UsernameChanged> changed = new AtomicReference<>();
        fixture.givenCurrentTime(CHANGED)
                .andGiven(registered(null))
                .when(new ChangeUsername(person, sealed(WANTED)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(UsernameChanged.class, changed));

        assertThat(changed.get().replacedPrevious()).isFalse();
        assertThat(changed.get().username().ciphertext()).doesNotContain(WANTED.value());
        assertThat(vault.open(person, changed.get().username())).isEqualTo(WANTED.value());
    }

    @Test
    @DisplayName("LOGIN-7: the username chosen at registration may be changed at once (setting is no change)")
    void firstChangeAfterRegistration() {
        claims.claimUsername(person, REGISTERED);
        AtomicReference<UsernameChanged> changed = new AtomicReference<>();
        at(CHANGED).andGiven(registered(REGISTERED))
                .when(new ChangeUsername(person, sealed(WANTED)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(UsernameChanged.class, changed));

        assertThat(changed.get().replacedPrevious()).isTrue();
    }

    @Test
    @DisplayName("LOGIN-7: a username set later (not at registration) may be changed right after, since setting it was no change")
    void firstChangeAfterLaterSetting() {
        claims.claimUsername(person, WANTED);
        afterLastChange(false, CHANGED.plus(Duration.ofMinutes(1)))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(UsernameChanged.class, new AtomicReference<>()));
    }

    @Test
    @DisplayName("LOGIN-7: 364 days after the last change a change is refused, naming when it is possible again")
    void refused364DaysAfter() {
        afterLastChange(true, CHANGED.plus(Duration.ofDays(364)))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectException(refusal(UsernameReason.USERNAME_CHANGED_WITHIN_A_YEAR,
                        "changeAllowedFrom", cst("2026-03-10T00:00:00")))
                .expectNoEvents();
    }

    @Test
    @DisplayName("LOGIN-7: 365 days after the last change a change is allowed")
    void allowed365DaysAfter() {
        AtomicReference<UsernameChanged> changed = new AtomicReference<>();
        afterLastChange(true, CHANGED.plus(Duration.ofDays(365)))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(UsernameChanged.class, changed));
        assertThat(changed.get().replacedPrevious()).isTrue();
    }

    @Test
    @DisplayName("LOGIN-7: one calendar year in China Standard Time: 23:59:59 the day before is refused, 00:00 on the date is allowed")
    void calendarYearEdges() {
        afterLastChange(true, cst("2026-03-09T23:59:59"))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectException(refusal(UsernameReason.USERNAME_CHANGED_WITHIN_A_YEAR));

        afterLastChange(true, cst("2026-03-10T00:00:00"))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectResultMessagePayload(true);
    }

    @Test
    @DisplayName("LOGIN-7: a change on 29 February opens again on 28 February; a year across 29 February lasts 366 days")
    void leapDays() {
        Instant leapDay = cst("2024-02-29T12:00:00");
        afterChangeAt(leapDay, cst("2025-02-27T23:59:59"))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectException(refusal(UsernameReason.USERNAME_CHANGED_WITHIN_A_YEAR,
                        "changeAllowedFrom", cst("2025-02-28T00:00:00")));
        afterChangeAt(leapDay, cst("2025-02-28T00:00:00"))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectResultMessagePayload(true);

        Instant beforeLeapDay = cst("2023-03-01T09:00:00");
        afterChangeAt(beforeLeapDay, beforeLeapDay.plus(Duration.ofDays(365)))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectException(refusal(UsernameReason.USERNAME_CHANGED_WITHIN_A_YEAR,
                        "changeAllowedFrom", cst("2024-03-01T00:00:00")));
    }

    @Test
    @DisplayName("LOGIN-7: a migrated person brings no username: the first one is a setting, and one change may follow at once")
    void migratedPersonSetsFirstUsername() {
        claims.claimUsername(person, WANTED);
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        fixture.givenCurrentTime(moveTo(CHANGED))
                .andGiven(new NaturalPersonMigrated(person, new ProvinceCode("360000"), DocumentType.RESIDENT_IDENTITY_CARD,
                                sealed, sealed, List.of(), 0, 0, RealNameLevel.LEVEL_3, "staff-0001"),
                        changed(false))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(onlyEvent(UsernameChanged.class, new AtomicReference<>()));
    }

    @Test
    @DisplayName("LOGIN-7: a username another person holds is refused with USERNAME_TAKEN; case matters, so another case is free")
    void takenUsername() {
        claims.claimUsername(someoneElse, LATER);
        at(CHANGED).andGiven(registered(null))
                .when(new ChangeUsername(person, sealed(LATER)))
                .expectException(refusal(PersonReason.USERNAME_TAKEN))
                .expectNoEvents();

        at(CHANGED).andGiven(registered(null))
                .when(new ChangeUsername(person, sealed(new Username("WXM88888"))))
                .expectResultMessagePayload(true);
    }

    @Test
    @DisplayName("LOGIN-7: asking for the username the person already has changes nothing and answers false")
    void sameUsername() {
        claims.claimUsername(person, REGISTERED);
        at(CHANGED).andGiven(registered(REGISTERED))
                .when(new ChangeUsername(person, sealed(REGISTERED)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    /** Registered with {@link #REGISTERED}, then {@link #WANTED} at {@link #CHANGED} (a change or a first setting); now is {@code now}. */
    private org.axonframework.test.aggregate.TestExecutor<NaturalPerson> afterLastChange(boolean wasChange, Instant now) {
        claims.claimUsername(person, WANTED);
        clock.set(CHANGED);
        return fixture.givenCurrentTime(CHANGED)
                .andGiven(registered(wasChange ? REGISTERED : null), changed(wasChange))
                .andGivenCurrentTime(moveTo(now));
    }

    private org.axonframework.test.aggregate.TestExecutor<NaturalPerson> afterChangeAt(Instant change, Instant now) {
        claims.claimUsername(person, WANTED);
        clock.set(change);
        return fixture.givenCurrentTime(change)
                .andGiven(registered(REGISTERED), changed(true))
                .andGivenCurrentTime(moveTo(now));
    }

    private org.axonframework.test.aggregate.TestExecutor<NaturalPerson> at(Instant now) {
        return fixture.givenCurrentTime(moveTo(now));
    }

    /** The handler's clock and the fixture's event time move together. */
    private Instant moveTo(Instant instant) {
        clock.set(instant);
        return instant;
    }

    private SealedIdentifier sealed(Username username) {
        return InMemoryPorts.sealed(vault, person, username);
    }

    private NaturalPersonRegistered registered(Username username) {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonRegistered(person, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed, sealed,
                username == null ? null : sealed, RealNameLevel.LEVEL_4, "face-scan-1");
    }

    private UsernameChanged changed(boolean replacedPrevious) {
        return new UsernameChanged(person, new EncryptedText("c2VhbGVk"), replacedPrevious);
    }

    private static Instant cst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CST).toInstant();
    }
}
