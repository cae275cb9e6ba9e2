package gov.etax.identity.command.person;

import static gov.etax.identity.command.person.AggregateExpectations.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.person.realname.RealNameReason;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import java.util.List;
import gov.etax.identity.kernel.person.events.RealNameLevelRaised;
import gov.etax.identity.kernel.privacy.EncryptedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Raising the real-name level (REG-5). Level-3 persons come from the migration
 * (NaturalPersonMigrated); a registration event at level 3 is used as well, as the brief suggested.
 */
class NaturalPersonRealNameTest {

    private final PersonId person = PersonId.generate();
    private FixtureConfiguration<NaturalPerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NaturalPerson.class);
    }

    @Test
    @DisplayName("REG-5: a level-3 person with a passed face scan of their own document is raised to level 4, with the scan as evidence")
    void raisesLevel3To4() {
        fixture.given(atLevel(RealNameLevel.LEVEL_3))
                .when(new RaiseRealNameLevel(person, "face-scan-77"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(new RealNameLevelRaised(person, RealNameLevel.LEVEL_3, RealNameLevel.LEVEL_4, "face-scan-77"))
                .expectState(state -> assertThat(state.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_4));
    }

    @Test
    @DisplayName("REG-5: a migrated person (level 3, no face scan yet) is raised from level 3 to 4 by a face scan")
    void migratedPersonIsRaised() {
        fixture.given(migrated())
                .when(new RaiseRealNameLevel(person, "face-scan-88"))
                .expectResultMessagePayload(true)
                .expectEvents(new RealNameLevelRaised(person, RealNameLevel.LEVEL_3, RealNameLevel.LEVEL_4, "face-scan-88"))
                .expectState(state -> assertThat(state.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_4));
    }

    @Test
    @DisplayName("REG-2, REG-5: a person at level 4 (every online registration) stays there: nothing recorded, answer false")
    void level4IsNoOp() {
        fixture.given(atLevel(RealNameLevel.LEVEL_4))
                .when(new RaiseRealNameLevel(person, "face-scan-77"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    @DisplayName("REG-5: once raised, a second raise records nothing")
    void raisedOnce() {
        fixture.given(atLevel(RealNameLevel.LEVEL_3),
                        new RealNameLevelRaised(person, RealNameLevel.LEVEL_3, RealNameLevel.LEVEL_4, "face-scan-1"))
                .when(new RaiseRealNameLevel(person, "face-scan-2"))
                .expectResultMessagePayload(false)
                .expectNoEvents()
                .expectState(state -> assertThat(state.realNameLevel()).isEqualTo(RealNameLevel.LEVEL_4));
    }

    @Test
    @DisplayName("REG-5: without a face verification the level is not raised")
    void needsFaceVerification() {
        fixture.given(atLevel(RealNameLevel.LEVEL_3))
                .when(new RaiseRealNameLevel(person, ""))
                .expectException(refusal(RealNameReason.REAL_NAME_FACE_VERIFICATION_REQUIRED))
                .expectNoEvents();
    }

    private NaturalPersonMigrated migrated() {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonMigrated(person, new ProvinceCode("360000"), DocumentType.RESIDENT_IDENTITY_CARD, sealed,
                sealed, List.of(sealed), 0, 0, RealNameLevel.LEVEL_3, "staff-0001");
    }

    private NaturalPersonRegistered atLevel(RealNameLevel level) {
        EncryptedText sealed = new EncryptedText("c2VhbGVk");
        return new NaturalPersonRegistered(person, DocumentType.RESIDENT_IDENTITY_CARD, sealed, sealed, sealed, null,
                level, level == RealNameLevel.LEVEL_4 ? "face-scan-1" : null);
    }
}
