package gov.etax.identity.command.authorization;

import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.AuthorizationFakes.Claims;
import gov.etax.identity.command.authorization.AuthorizationFakes.Directory;
import gov.etax.identity.command.authorization.AuthorizationFakes.InMemoryRelationships;
import gov.etax.identity.command.authorization.AuthorizationFakes.Vault;
import gov.etax.identity.command.authorization.expire.ValidityEndDeadlines;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.Confirmation;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.commands.AddInvoicingOfficer;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.authorization.commands.RejectAuthorization;
import gov.etax.identity.kernel.authorization.commands.RequestTaxAgency;
import gov.etax.identity.kernel.authorization.commands.RevokeRelationship;
import gov.etax.identity.kernel.authorization.commands.WithdrawAuthorization;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmationRefused.Attempt;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationRejected;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of the Authorization aggregate (ACC-1..ACC-7), on in-memory ports with a movable clock. */
class AuthorizationTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = LocalDateTime.parse("2026-11-26T10:00:00").atZone(CST).toInstant();
    private static final LocalDate VALID_UNTIL = LocalDate.parse("2027-06-30");
    private static final Instant VALIDITY_ENDS = LocalDateTime.parse("2027-07-01T00:00:00").atZone(CST).toInstant();

    private final MutableClock clock = new MutableClock(NOW);
    private final Directory directory = new Directory();
    private final InMemoryRelationships relationships = new InMemoryRelationships(directory);
    private final Claims claims = new Claims();
    private final Vault vault = new Vault();
    private FixtureConfiguration<Authorization> fixture;

    private final Uscc uscc = uscc("000000001");
    private final EnterpriseId enterpriseId = EnterpriseId.generate();
    private final DocumentNumber lrDocument = document();
    private final DocumentNumber fmDocument = document();
    private final DocumentNumber nomineeDocument = document();
    private final DocumentNumber strangerDocument = document();
    private PersonId legalRepresentative;
    private PersonId financeManager;
    private PersonId nominee;
    private PersonId stranger;
    private final AuthorizationId id = AuthorizationId.generate();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Authorization.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(directory.port());
        fixture.registerInjectableResource(relationships);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(vault);
        legalRepresentative = directory.register(lrDocument);
        financeManager = directory.register(fmDocument);
        nominee = directory.register(nomineeDocument);
        stranger = directory.register(strangerDocument);
        inForce(AuthorizationId.generate(), uscc, RelationshipRole.LEGAL_REPRESENTATIVE, lrDocument);
        inForce(AuthorizationId.generate(), uscc, RelationshipRole.FINANCE_MANAGER, fmDocument);
    }

    // ------------------------------------------------------------------ nominating (ACC-1, ACC-2, ACC-5)

    @Nested
    class Nominating {

        @Test
        @DisplayName("ACC-5: the legal representative nominates a registered tax officer: a pending authorization with the tax function sets by default")
        void legalRepresentativeNominatesTaxOfficer() {
            List<Object> events = new ArrayList<>();
            fixture.givenNoPriorActivity()
                    .when(addTaxOfficer(as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), Set.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(capture(events));
            StaffNominated nominated = (StaffNominated) events.get(0);
            assertThat(nominated.role()).isEqualTo(RelationshipRole.TAX_OFFICER);
            assertThat(nominated.taxOfficerIdentity()).isEqualTo(TaxOfficerIdentity.MAIN);
            assertThat(nominated.scopes()).isEqualTo(FunctionSet.taxSets()).noneMatch(FunctionSet::isInvoicing);
            assertThat(nominated.validUntil()).isEqualTo(VALID_UNTIL);
            assertThat(nominated.holderPersonId()).isEqualTo(nominee);
            assertThat(nominated.nominatedBy()).isEqualTo(legalRepresentative);
            assertThat(nominated.nominatedAs()).isEqualTo(RelationshipRole.LEGAL_REPRESENTATIVE);
            assertThat(nominated.holderDocumentNumber().ciphertext()).doesNotContain(nomineeDocument.value());
            assertThat(vault.open(id.value(), nominated.holderDocumentNumber())).isEqualTo(nomineeDocument.value());
            assertThat(claims.claims).containsKey(id);
            assertThat(relationships.bound).doesNotContainKey(id);
        }

        @Test
        @DisplayName("ACC-2: the finance manager in an enterprise session nominates an invoicing officer, who gets invoicing function sets only")
        void financeManagerNominatesInvoicingOfficer() {
            List<Object> events = new ArrayList<>();
            fixture.givenNoPriorActivity()
                    .when(new AddInvoicingOfficer(id, enterpriseId, uscc, nomineeDocument, Set.of(), VALID_UNTIL,
                            as(financeManager, RelationshipRole.FINANCE_MANAGER)))
                    .expectEventsMatching(capture(events));
            StaffNominated nominated = (StaffNominated) events.get(0);
            assertThat(nominated.role()).isEqualTo(RelationshipRole.INVOICING_OFFICER);
            assertThat(nominated.scopes()).isEqualTo(FunctionSet.invoicingSets()).allMatch(FunctionSet::isInvoicing);
            assertThat(nominated.taxOfficerIdentity()).isNull();
        }

        @Test
        @DisplayName("ACC-5: an invoicing officer is never granted a tax function set")
        void invoicingOfficerGetsInvoicingOnly() {
            fixture.givenNoPriorActivity()
                    .when(new AddInvoicingOfficer(id, enterpriseId, uscc, nomineeDocument,
                            Set.of(FunctionSet.INVOICE_ISSUING, FunctionSet.TAX_DECLARATION), VALID_UNTIL,
                            as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                    .expectException(refusal(AuthorizationReason.SCOPE_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("ACC-1: a person who is not registered cannot be added: \"该办税人员尚未注册\"")
        void nomineeMustBeRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new AddTaxOfficer(id, enterpriseId, uscc, document(), TaxOfficerIdentity.SUB, Set.of(),
                            VALID_UNTIL, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                    .expectException(refusal(AuthorizationReason.STAFF_NOT_REGISTERED))
                    .expectNoEvents();
            assertThat(AuthorizationReason.STAFF_NOT_REGISTERED.messageZh()).isEqualTo("该办税人员尚未注册");
            assertThat(claims.claims).isEmpty();
        }

        @Test
        @DisplayName("ACC-2: a tax officer, a natural-person session, another enterprise's legal representative or an LR no longer in force cannot add staff")
        void onlyLegalRepresentativeOrFinanceManager() {
            PersonId officer = directory.register(document());
            for (Actor actor : List.of(
                    as(officer, RelationshipRole.TAX_OFFICER),
                    new Actor(legalRepresentative, null),
                    new Actor(legalRepresentative, new ActingFor(uscc("000000002"), RelationshipRole.LEGAL_REPRESENTATIVE)),
                    as(stranger, RelationshipRole.LEGAL_REPRESENTATIVE))) {
                fixture.givenNoPriorActivity()
                        .when(addTaxOfficer(actor, Set.of()))
                        .expectException(refusal(AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM))
                        .expectNoEvents();
            }
        }

        @Test
        @DisplayName("ACC-5: a second pending or active authorization for the same person and role is refused")
        void oneAuthorizationPerPersonAndRole() {
            claims.claim(AuthorizationId.generate(), uscc, RelationshipRole.TAX_OFFICER, nomineeDocument, null);
            fixture.givenNoPriorActivity()
                    .when(addTaxOfficer(as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), Set.of()))
                    .expectException(refusal(AuthorizationReason.ALREADY_AUTHORIZED));
        }

        @Test
        @DisplayName("ACC-5: the end date of validity may be today (China Standard Time) but not yesterday")
        void validityNotInThePast() {
            LocalDate today = LocalDate.ofInstant(NOW, CST);
            fixture.givenNoPriorActivity()
                    .when(new AddTaxOfficer(id, enterpriseId, uscc, nomineeDocument, null, Set.of(), today.minusDays(1),
                            as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                    .expectException(refusal(AuthorizationReason.VALIDITY_ALREADY_OVER));
            fixture.givenNoPriorActivity()
                    .when(new AddTaxOfficer(id, enterpriseId, uscc, nomineeDocument, null, Set.of(), today,
                            as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                    .expectSuccessfulHandlerExecution();
        }
    }

    // ------------------------------------------------------------------ confirming (ACC-1, ACC-4, ACC-5)

    @Nested
    class Confirming {

        @Test
        @DisplayName("ACC-5: the nominee confirms with a face scan: ACTIVE, and the relationship is in force within the granted scope")
        void nomineeConfirmsWithFaceScan() {
            fixture.given(nominated())
                    .when(new ConfirmAuthorization(id, new Actor(nominee, null), false, "face-scan-1"))
                    .expectEvents(new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SCAN, "face-scan-1"))
                    .expectResultMessagePayload(Outcome.done());
            Relationships.ActiveRelationship relationship = relationships.bound.get(id);
            assertThat(relationship.role()).isEqualTo(RelationshipRole.TAX_OFFICER);
            assertThat(relationship.uscc()).isEqualTo(uscc);
            assertThat(relationship.taxOfficerIdentity()).isEqualTo("MAIN");
            assertThat(relationship.scopes()).containsExactlyInAnyOrder("TAX_DECLARATION", "TAX_PAYMENT",
                    "TAX_CERTIFICATES", "TAX_INFORMATION_QUERY");
            assertThat(relationship.validUntil()).isEqualTo(VALIDITY_ENDS);
            assertThat(relationships.holders.get(id)).isEqualTo(nomineeDocument);
            assertThat(relationships.of(nominee, NOW)).extracting(Relationships.ActiveRelationship::authorizationId)
                    .containsExactly(id);
        }

        @Test
        @DisplayName("ACC-5: no second scan when the session itself was opened by face verification")
        void faceSessionNeedsNoSecondScan() {
            fixture.given(nominated())
                    .when(new ConfirmAuthorization(id, new Actor(nominee, null), true, null))
                    .expectEvents(new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null));
        }

        @Test
        @DisplayName("ACC-5: a session opened with password + SMS must scan a face to confirm")
        void smsSessionMustScan() {
            fixture.given(nominated())
                    .when(new ConfirmAuthorization(id, new Actor(nominee, null), false, null))
                    .expectException(refusal(AuthorizationReason.FACE_VERIFICATION_REQUIRED))
                    .expectNoEvents();
            assertThat(relationships.bound).doesNotContainKey(id);
        }

        @Test
        @DisplayName("ACC-1: anyone but the nominee is refused, and the attempt is the only trace: nothing else changes")
        void onlyTheNomineeConfirms() {
            fixture.given(nominated())
                    .when(new ConfirmAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                            true, "face-scan-2"))
                    .expectEvents(new AuthorizationConfirmationRefused(id, legalRepresentative, Attempt.CONFIRMATION))
                    .expectResultMessagePayload(Outcome.refused(AuthorizationReason.NOT_THE_NOMINEE));
            assertThat(relationships.bound).doesNotContainKey(id);

            fixture.given(nominated())
                    .when(new RejectAuthorization(id, new Actor(stranger, null)))
                    .expectEvents(new AuthorizationConfirmationRefused(id, stranger, Attempt.REJECTION))
                    .expectResultMessagePayload(Outcome.refused(AuthorizationReason.NOT_THE_NOMINEE));
        }

        @Test
        @DisplayName("ACC-1: the nominee may turn the authorization down; the person can be nominated again")
        void nomineeRejects() {
            claims.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument, VALIDITY_ENDS);
            fixture.given(nominated())
                    .when(new RejectAuthorization(id, new Actor(nominee, null)))
                    .expectEvents(new AuthorizationRejected(id, nominee, null))
                    .expectResultMessagePayload(Outcome.done());
            assertThat(claims.claims).doesNotContainKey(id);
        }

        @Test
        @DisplayName("ACC-5: a confirmed authorization cannot be confirmed again (409 AUTHORIZATION_NOT_PENDING)")
        void confirmedOnce() {
            fixture.given(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null))
                    .when(new ConfirmAuthorization(id, new Actor(nominee, null), true, null))
                    .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_PENDING))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("ACC-5: a pending authorization past its end of validity expires when confirmed, and the expiry is recorded")
        void pendingPastValidityExpiresOnConfirmation() {
            claims.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument, VALIDITY_ENDS);
            clock.set(VALIDITY_ENDS);
            fixture.given(nominated())
                    .when(new ConfirmAuthorization(id, new Actor(nominee, null), true, null))
                    .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS))
                    .expectResultMessagePayload(Outcome.refused(AuthorizationReason.AUTHORIZATION_EXPIRED));
            assertThat(relationships.bound).doesNotContainKey(id);
            assertThat(claims.claims).doesNotContainKey(id);
        }
    }

    // ------------------------------------------------------------------ the finance manager (ACC-4)

    @Nested
    class FinanceManager {

        private final DocumentNumber reportedDocument = document();

        private FinanceManagerReported reported() {
            return new FinanceManagerReported(id, enterpriseId, uscc, null, DocumentType.RESIDENT_IDENTITY_CARD,
                    vault.seal(id, reportedDocument.value()), vault.seal(id, "李会计"), "staff-1");
        }

        @Test
        @DisplayName("ACC-4: the reported finance manager cannot reject the pending authorization")
        void cannotReject() {
            PersonId person = directory.register(reportedDocument);
            fixture.given(reported())
                    .when(new RejectAuthorization(id, new Actor(person, null)))
                    .expectException(refusal(AuthorizationReason.FINANCE_MANAGER_CANNOT_REJECT))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("ACC-4: reported before registering, the finance manager registers and confirms; recognised by document")
        void confirmsAfterRegistering() {
            PersonId person = directory.register(reportedDocument);
            fixture.given(reported())
                    .when(new ConfirmAuthorization(id, new Actor(person, null), false, "face-scan-3"))
                    .expectEvents(new AuthorizationConfirmed(id, person, null, Confirmation.FACE_SCAN, "face-scan-3"));
            assertThat(relationships.bound.get(id).role()).isEqualTo(RelationshipRole.FINANCE_MANAGER);
            assertThat(relationships.bound.get(id).validUntil()).isNull();
            assertThat(relationships.of(person, NOW)).hasSize(1);
        }

        @Test
        @DisplayName("ACC-4: nobody else confirms for the finance manager, not even the legal representative")
        void onlyTheFinanceManager() {
            directory.register(reportedDocument);
            fixture.given(reported())
                    .when(new ConfirmAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                            true, null))
                    .expectEvents(new AuthorizationConfirmationRefused(id, legalRepresentative, Attempt.CONFIRMATION))
                    .expectResultMessagePayload(Outcome.refused(AuthorizationReason.NOT_THE_NOMINEE));
        }

        @Test
        @DisplayName("ACC-4: the finance manager's authorization comes from the tax authority and is not withdrawn online")
        void notWithdrawable() {
            fixture.given(reported())
                    .when(new WithdrawAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                    .expectException(refusal(AuthorizationReason.FINANCE_MANAGER_REPORT_NOT_WITHDRAWABLE));
        }

        @Test
        @DisplayName("ACC-6: the enterprise side does not remove the finance manager; the person (ACC-7) or a service hall does")
        void endedByPersonOrHall() {
            PersonId person = directory.register(reportedDocument);
            AuthorizationConfirmed confirmed = new AuthorizationConfirmed(id, person, null, Confirmation.FACE_SESSION, null);
            fixture.given(reported(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.ENTERPRISE,
                            as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), null, EndReason.LEFT_ENTERPRISE))
                    .expectException(refusal(AuthorizationReason.NOT_REMOVABLE_FROM_THIS_SIDE));
            fixture.given(reported(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.PERSON, new Actor(person, null), null,
                            EndReason.LEFT_ENTERPRISE))
                    .expectEvents(new RelationshipRevoked(id, EndingSide.PERSON, person.value(), null,
                            EndReason.LEFT_ENTERPRISE));
        }
    }

    // ------------------------------------------------------------------ withdrawing

    @Nested
    class Withdrawing {

        @Test
        @DisplayName("ACC-2: the nominating enterprise's legal representative or finance manager withdraws a pending request")
        void nominatingSideWithdraws() {
            claims.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument, VALIDITY_ENDS);
            fixture.given(nominated())
                    .when(new WithdrawAuthorization(id, as(financeManager, RelationshipRole.FINANCE_MANAGER)))
                    .expectEvents(new AuthorizationWithdrawn(id, financeManager, uscc));
            assertThat(claims.claims).doesNotContainKey(id);
        }

        @Test
        @DisplayName("ACC-2: the nominee or anyone outside the enterprise's LR/FM cannot withdraw; nothing is recorded")
        void othersCannotWithdraw() {
            fixture.given(nominated())
                    .when(new WithdrawAuthorization(id, new Actor(nominee, null)))
                    .expectException(refusal(AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("ACC-5: a confirmed authorization is no longer withdrawn (409)")
        void confirmedIsNotWithdrawn() {
            fixture.given(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null))
                    .when(new WithdrawAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE)))
                    .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_PENDING));
        }
    }

    // ------------------------------------------------------------------ ending (ACC-6, ACC-7, ACC-1)

    @Nested
    class Ending {

        private final AuthorizationConfirmed confirmed =
                new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null);

        @BeforeEach
        void active() {
            inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
            claims.claim(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument, VALIDITY_ENDS);
        }

        @Test
        @DisplayName("ACC-6: the legal representative removes a tax officer; who, from which side and why are recorded")
        void enterpriseRemovesStaff() {
            fixture.given(nominated(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.ENTERPRISE,
                            as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE), null, EndReason.LEFT_ENTERPRISE))
                    .expectEvents(new RelationshipRevoked(id, EndingSide.ENTERPRISE, legalRepresentative.value(), uscc,
                            EndReason.LEFT_ENTERPRISE))
                    .expectResultMessagePayload(Outcome.done());
            assertThat(relationships.bound).doesNotContainKey(id);
            assertThat(claims.claims).doesNotContainKey(id);
        }

        @Test
        @DisplayName("ACC-6, ACC-2: a tax officer cannot remove another tax officer")
        void staffCannotRemoveStaff() {
            PersonId officer = directory.register(document());
            fixture.given(nominated(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.ENTERPRISE, as(officer, RelationshipRole.TAX_OFFICER),
                            null, EndReason.OTHER))
                    .expectException(refusal(AuthorizationReason.STAFF_MANAGED_BY_LR_OR_FM))
                    .expectNoEvents();
            assertThat(relationships.bound).containsKey(id);
        }

        @Test
        @DisplayName("ACC-7: the person who left ends it from their own side; nobody else can from the person side")
        void personLeaves() {
            fixture.given(nominated(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.PERSON, new Actor(stranger, null), null,
                            EndReason.LEFT_ENTERPRISE))
                    .expectException(refusal(AuthorizationReason.NOT_THE_HOLDER));
            fixture.given(nominated(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.PERSON, new Actor(nominee, null), null,
                            EndReason.LEFT_ENTERPRISE))
                    .expectEvents(new RelationshipRevoked(id, EndingSide.PERSON, nominee.value(), null,
                            EndReason.LEFT_ENTERPRISE));
        }

        @Test
        @DisplayName("ACC-6, ACC-7: tax authority staff end it at a service hall")
        void serviceHall() {
            fixture.given(nominated(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.DUTIES_CHANGED))
                    .expectEvents(new RelationshipRevoked(id, EndingSide.TAX_AUTHORITY, "staff-7", null,
                            EndReason.DUTIES_CHANGED));
        }

        @Test
        @DisplayName("ACC-6: a pending authorization is withdrawn, not removed; an ended one cannot be ended again")
        void onlyActiveRelationshipsEnd() {
            fixture.given(nominated())
                    .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.OTHER))
                    .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_ACTIVE));
            fixture.given(nominated(), confirmed, new RelationshipRevoked(id, EndingSide.PERSON, nominee.value(), null,
                            EndReason.LEFT_ENTERPRISE))
                    .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.OTHER))
                    .expectException(refusal(AuthorizationReason.AUTHORIZATION_NOT_ACTIVE));
        }

        @Test
        @DisplayName("ACC-6: the reason LEGAL_REPRESENTATIVE_CHANGED is the system's own, never a caller's")
        void systemReasonRefused() {
            fixture.given(nominated(), confirmed)
                    .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7",
                            EndReason.LEGAL_REPRESENTATIVE_CHANGED))
                    .expectException(refusal(AuthorizationReason.INVALID_END_REASON));
        }

        @Test
        @DisplayName("ACC-1: the legal representative is never removed, only succeeded")
        void legalRepresentativeNotRemovable() {
            AuthorizationId lr = AuthorizationId.generate();
            fixture.given(new LegalRepresentativeBound(lr, enterpriseId, uscc, legalRepresentative,
                            DocumentType.RESIDENT_IDENTITY_CARD, vault.seal(lr, lrDocument.value()), vault.seal(lr, "张总"),
                            LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION, "staff-1"))
                    .when(new RevokeRelationship(lr, EndingSide.PERSON, new Actor(legalRepresentative, null), null,
                            EndReason.LEFT_ENTERPRISE))
                    .expectException(refusal(AuthorizationReason.LEGAL_REPRESENTATIVE_NOT_REMOVABLE));
        }
    }

    // ------------------------------------------------------------------ expiry

    @Nested
    class Expiry {

        @Test
        @DisplayName("ACC-5: until the end of the last valid day nothing happens: its end is a deadline at 00:00 CST after it")
        void notDueBeforeMidnightAfterValidUntil() {
            confirmedWithItsEndScheduled().whenTimeAdvancesTo(VALIDITY_ENDS.minus(Duration.ofSeconds(1))).expectNoEvents();
            assertThat(relationships.bound).containsKey(id);
        }

        @Test
        @DisplayName("ACC-5: at 00:00 CST after the last valid day the deadline falls due and the authorization expires")
        void expiresAtMidnightAfterValidUntil() {
            confirmedWithItsEndScheduled().whenTimeAdvancesTo(VALIDITY_ENDS.plus(Duration.ofHours(3)))
                    .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS));
            assertThat(relationships.bound).doesNotContainKey(id);
        }

        @Test
        @DisplayName("ACC-5: an authorization that already ended does not expire")
        void endedDoesNotExpire() {
            TestExecutor<Authorization> withdrawn = fixture.givenCurrentTime(NOW)
                    .andGiven(nominated(), new AuthorizationWithdrawn(id, legalRepresentative, uscc));
            validityEndScheduled();
            withdrawn.whenTimeAdvancesTo(VALIDITY_ENDS.plus(Duration.ofDays(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        /** A tax officer in force whose end of validity is scheduled. */
        private TestExecutor<Authorization> confirmedWithItsEndScheduled() {
            inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
            TestExecutor<Authorization> confirmed = fixture.givenCurrentTime(NOW)
                    .andGiven(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null));
            validityEndScheduled();
            return confirmed;
        }

        /**
         * What the expire slice's event handler does on StaffNominated, into the fixture's own deadline
         * manager (which whenTimeAdvancesTo runs; the fixture does not hand it out, hence the field).
         */
        private void validityEndScheduled() {
            try {
                Field field = AggregateTestFixture.class.getDeclaredField("deadlineManager");
                field.setAccessible(true);
                new ValidityEndDeadlines((DeadlineManager) field.get(fixture)).on(nominated());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        @DisplayName("ACC-6: removing a relationship already past its validity records the expiry instead")
        void removalAfterValidityRecordsExpiry() {
            inForce(id, uscc, RelationshipRole.TAX_OFFICER, nomineeDocument);
            clock.set(VALIDITY_ENDS);
            fixture.given(nominated(), new AuthorizationConfirmed(id, nominee, null, Confirmation.FACE_SESSION, null))
                    .when(new RevokeRelationship(id, EndingSide.TAX_AUTHORITY, null, "staff-7", EndReason.OTHER))
                    .expectEvents(new AuthorizationExpired(id, VALID_UNTIL, VALIDITY_ENDS))
                    .expectResultMessagePayload(Outcome.refused(AuthorizationReason.AUTHORIZATION_EXPIRED));
        }
    }

    // ------------------------------------------------------------------ tax agents

    @Nested
    class TaxAgents {

        private final Uscc agency = uscc("000000003");
        private final EnterpriseId agencyId = EnterpriseId.generate();
        private final DocumentNumber agencyLrDocument = document();
        private final DocumentNumber agentDocument = document();
        private PersonId agencyLr;
        private PersonId agent;

        @BeforeEach
        void agency() {
            agencyLr = directory.register(agencyLrDocument);
            agent = directory.register(agentDocument);
            inForce(AuthorizationId.generate(), agency, RelationshipRole.LEGAL_REPRESENTATIVE, agencyLrDocument);
            inForce(AuthorizationId.generate(), agency, RelationshipRole.TAX_OFFICER, agentDocument);
        }

        private RequestTaxAgency request(AgencySide side, Actor actor, DocumentNumber agentDocument) {
            return new RequestTaxAgency(id, enterpriseId, uscc, agencyId, agency, agentDocument, Set.of(), VALID_UNTIL,
                    side, actor);
        }

        private TaxAgencyRequested requested(AgencySide side, PersonId by) {
            return new TaxAgencyRequested(id, enterpriseId, uscc, agencyId, agency, FunctionSet.taxSets(), VALID_UNTIL,
                    agent, DocumentType.RESIDENT_IDENTITY_CARD, vault.seal(id, agentDocument.value()), side, by,
                    RelationshipRole.LEGAL_REPRESENTATIVE);
        }

        @Test
        @DisplayName("ACC-2: the client's legal representative asks for a tax agent of the agency; the agency then confirms")
        void clientAsksAgencyConfirms() {
            List<Object> events = new ArrayList<>();
            fixture.givenNoPriorActivity()
                    .when(request(AgencySide.CLIENT, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                            agentDocument))
                    .expectEventsMatching(capture(events));
            TaxAgencyRequested requested = (TaxAgencyRequested) events.get(0);
            assertThat(requested.initiatedBy()).isEqualTo(AgencySide.CLIENT);
            assertThat(requested.holderPersonId()).isEqualTo(agent);
            assertThat(requested.scopes()).isEqualTo(FunctionSet.taxSets());

            Actor agencySide = new Actor(agencyLr, new ActingFor(agency, RelationshipRole.LEGAL_REPRESENTATIVE));
            fixture.given(requested(AgencySide.CLIENT, legalRepresentative))
                    .when(new ConfirmAuthorization(id, agencySide, false, null))
                    .expectEvents(new AuthorizationConfirmed(id, agencyLr, agency, Confirmation.ENTERPRISE_SESSION, null));
            Relationships.ActiveRelationship relationship = relationships.bound.get(id);
            assertThat(relationship.role()).isEqualTo(RelationshipRole.TAX_AGENT);
            assertThat(relationship.uscc()).isEqualTo(uscc);
            assertThat(relationships.holders.get(id)).isEqualTo(agentDocument);
        }

        @Test
        @DisplayName("ACC-1: the side that asked cannot confirm its own request; the attempt is recorded")
        void askingSideCannotConfirm() {
            fixture.given(requested(AgencySide.CLIENT, legalRepresentative))
                    .when(new ConfirmAuthorization(id, as(legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE),
                            true, null))
                    .expectEvents(new AuthorizationConfirmationRefused(id, legalRepresentative, Attempt.CONFIRMATION))
                    .expectResultMessagePayload(Outcome.refused(AuthorizationReason.NOT_THE_OTHER_SIDE));
        }

        @Test
        @DisplayName("ACC-1: the agent must be in force as staff of the agency, so nobody becomes agent personnel without consent")
        void agentWorksForAgency() {
            fixture.givenNoPriorActivity()
                    .when(request(AgencySide.AGENCY, new Actor(agencyLr, new ActingFor(agency,
                            RelationshipRole.LEGAL_REPRESENTATIVE)), nomineeDocument))
                    .expectException(refusal(AuthorizationReason.AGENT_NOT_AT_AGENCY));
        }

        @Test
        @DisplayName("ACC-6: the agency's legal representative ends an active tax agent relationship, recorded as the AGENCY side")
        void agencyEnds() {
            inForce(id, uscc, RelationshipRole.TAX_AGENT, agentDocument);
            fixture.given(requested(AgencySide.CLIENT, legalRepresentative),
                            new AuthorizationConfirmed(id, agencyLr, agency, Confirmation.ENTERPRISE_SESSION, null))
                    .when(new RevokeRelationship(id, EndingSide.ENTERPRISE, new Actor(agencyLr,
                            new ActingFor(agency, RelationshipRole.LEGAL_REPRESENTATIVE)), null,
                            EndReason.AGENCY_CONTRACT_ENDED))
                    .expectEvents(new RelationshipRevoked(id, EndingSide.AGENCY, agencyLr.value(), agency,
                            EndReason.AGENCY_CONTRACT_ENDED));
        }
    }

    // ------------------------------------------------------------------ helpers

    private StaffNominated nominated() {
        return new StaffNominated(id, enterpriseId, uscc, RelationshipRole.TAX_OFFICER, TaxOfficerIdentity.MAIN,
                FunctionSet.taxSets(), VALID_UNTIL, nominee, DocumentType.RESIDENT_IDENTITY_CARD,
                vault.seal(id, nomineeDocument.value()), legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE);
    }

    private AddTaxOfficer addTaxOfficer(Actor by, Set<FunctionSet> scopes) {
        return new AddTaxOfficer(id, enterpriseId, uscc, nomineeDocument, null, scopes, VALID_UNTIL, by);
    }

    private Actor as(PersonId person, RelationshipRole role) {
        return new Actor(person, new ActingFor(uscc, role));
    }

    private void inForce(AuthorizationId authorization, Uscc enterprise, RelationshipRole role, DocumentNumber holder) {
        relationships.bind(new Relationships.ActiveRelationship(authorization, EnterpriseId.generate(), enterprise, role,
                null, Set.of(), null), holder);
    }

    private static DocumentNumber document() {
        return new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, Registrations.residentIdNumber());
    }

    static Uscc uscc(String nineDigits) {
        String body = "91360100" + nineDigits;
        return new Uscc(body + Uscc.checkCharacter(body));
    }

    /** Captures the payloads of the events the command applied. */
    private static Matcher<List<EventMessage<?>>> capture(List<Object> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                for (Object message : (List<?>) actual) {
                    into.add(((EventMessage<?>) message).getPayload());
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("any events");
            }
        };
    }
}
