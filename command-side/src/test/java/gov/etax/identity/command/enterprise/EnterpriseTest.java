package gov.etax.identity.command.enterprise;

import static gov.etax.identity.command.authorization.AuthorizationFakes.capture;
import static gov.etax.identity.command.authorization.AuthorizationFakes.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.authorization.Authorization;
import gov.etax.identity.command.authorization.AuthorizationFakes.Facts;
import gov.etax.identity.command.authorization.AuthorizationFakes.Vault;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.ReportedPerson;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.commands.ChangeLegalRepresentative;
import gov.etax.identity.kernel.enterprise.commands.ConfirmEnterpriseTaxInformation;
import gov.etax.identity.kernel.enterprise.events.EnterpriseTaxInformationConfirmed;
import gov.etax.identity.kernel.enterprise.events.LegalRepresentativeChanged;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Enterprise aggregate (REG-1, ACC-1, ACC-3, ACC-4). The legal representative's and finance
 * manager's authorizations are created in the enterprise's unit of work, so their events are
 * expected here too.
 */
class EnterpriseTest {

    private final Facts facts = new Facts();
    private final Vault vault = new Vault();
    private final Map<Uscc, EnterpriseId> enterprises = new HashMap<>();
    private final EnterpriseRegister register = uscc -> Optional.ofNullable(enterprises.get(uscc));
    private final EmbeddedEventStore authorizationEvents = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private FixtureConfiguration<Enterprise> fixture;

    private final EnterpriseId enterpriseId = EnterpriseId.generate();
    private final Uscc uscc = uscc("000000011");
    private final AuthorizationId lrAuthorization = AuthorizationId.generate();
    private final AuthorizationId fmAuthorization = AuthorizationId.generate();
    private final ReportedPerson legalRepresentative = person("张总");
    private final ReportedPerson financeManager = person("李会计");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
        fixture.registerInjectableResource(facts);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(Clock.systemUTC());
        // The fixture's own store takes one aggregate's events; authorizations created with createNew go to another.
        EventSourcingRepository<Authorization> authorizations = EventSourcingRepository.builder(Authorization.class)
                .eventStore(authorizationEvents).build();
        fixture.registerRepositoryProvider(new org.axonframework.modelling.command.RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> org.axonframework.modelling.command.Repository<T> repositoryFor(Class<T> type) {
                return type == Authorization.class ? (org.axonframework.modelling.command.Repository<T>) authorizations
                        : null;
            }
        });
    }

    @Test
    @DisplayName("REG-1, ACC-3: confirming the tax information creates the enterprise and binds the legal representative at once, even unregistered")
    void confirmationBindsLegalRepresentative() {
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(confirm(null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(capture(events));
        assertThat(events).containsExactly(new EnterpriseTaxInformationConfirmed(enterpriseId, uscc, "江西某某科技有限公司",
                lrAuthorization, null, "staff-1"));
        assertThat(historyOf(lrAuthorization)).hasSize(1);
        LegalRepresentativeBound bound = (LegalRepresentativeBound) historyOf(lrAuthorization).get(0);
        assertThat(bound.authorizationId()).isEqualTo(lrAuthorization);
        assertThat(bound.holderPersonId()).as("not registered yet").isNull();
        assertThat(bound.source()).isEqualTo(LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION);
        assertThat(vault.open(lrAuthorization.value(), bound.holderDocumentNumber()))
                .isEqualTo(legalRepresentative.document().value());
        assertThat(vault.open(lrAuthorization.value(), bound.holderName())).isEqualTo("张总");
        assertThat(bound.holderDocumentType()).isEqualTo(legalRepresentative.document().type());
    }

    @Test
    @DisplayName("ACC-4: a reported finance manager gets a pending authorization, not a relationship; a registered one is named by person id")
    void financeManagerPending() {
        PersonId fm = facts.register(financeManager.document());
        List<Object> events = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .when(confirm(financeManager))
                .expectEventsMatching(capture(events));
        assertThat(events).hasSize(1);
        assertThat(historyOf(lrAuthorization)).hasSize(1);
        assertThat(historyOf(fmAuthorization)).hasSize(1);
        FinanceManagerReported reported = (FinanceManagerReported) historyOf(fmAuthorization).get(0);
        assertThat(reported.authorizationId()).isEqualTo(fmAuthorization);
        assertThat(reported.holderPersonId()).isEqualTo(fm);
        assertThat(vault.open(fmAuthorization.value(), reported.holderName())).isEqualTo("李会计");
    }

    @Test
    @DisplayName("REG-1: one enterprise per unified social credit code")
    void oneEnterprisePerUscc() {
        enterprises.put(uscc, EnterpriseId.generate());
        fixture.givenNoPriorActivity()
                .when(confirm(null))
                .expectException(refusal(EnterpriseReason.ENTERPRISE_ALREADY_CONFIRMED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ACC-1: a new legal representative from market-regulation data: the old binding ends, the new one is in force")
    void legalRepresentativeChanges() {
        facts.claim(lrAuthorization, uscc, RelationshipRole.LEGAL_REPRESENTATIVE, legalRepresentative.document());
        AuthorizationId successor = AuthorizationId.generate();
        ReportedPerson newLr = person("王总");
        List<Object> events = new ArrayList<>();
        fixture.given(new EnterpriseTaxInformationConfirmed(enterpriseId, uscc, "江西某某科技有限公司", lrAuthorization, null,
                        "staff-1"))
                .when(new ChangeLegalRepresentative(enterpriseId, sealed(successor, newLr), LegalRepresentativeSource.MARKET_REGULATION,
                        successor, "staff-2"))
                .expectResultMessagePayload(lrAuthorization)
                .expectEventsMatching(capture(events));
        assertThat(events).containsExactly(new LegalRepresentativeChanged(enterpriseId, uscc, lrAuthorization, successor,
                LegalRepresentativeSource.MARKET_REGULATION, "staff-2"));
        LegalRepresentativeBound bound = (LegalRepresentativeBound) historyOf(successor).get(0);
        assertThat(bound.authorizationId()).isEqualTo(successor);
        assertThat(bound.source()).isEqualTo(LegalRepresentativeSource.MARKET_REGULATION);
        assertThat(vault.open(successor.value(), bound.holderDocumentNumber())).isEqualTo(newLr.document().value());
    }

    @Test
    @DisplayName("ACC-1: naming the legal representative already bound is refused")
    void sameLegalRepresentative() {
        facts.claim(lrAuthorization, uscc, RelationshipRole.LEGAL_REPRESENTATIVE, legalRepresentative.document());
        fixture.given(new EnterpriseTaxInformationConfirmed(enterpriseId, uscc, "江西某某科技有限公司", lrAuthorization, null,
                        "staff-1"))
                .when(new ChangeLegalRepresentative(enterpriseId, sealed(AuthorizationId.generate(), legalRepresentative),
                        LegalRepresentativeSource.CIVIL_AFFAIRS, AuthorizationId.generate(), "staff-2"))
                .expectException(refusal(EnterpriseReason.SAME_LEGAL_REPRESENTATIVE))
                .expectNoEvents();
    }

    private List<Object> historyOf(AuthorizationId authorization) {
        List<Object> payloads = new ArrayList<>();
        authorizationEvents.readEvents(authorization.value()).asStream().forEach(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    private ConfirmEnterpriseTaxInformation confirm(ReportedPerson fm) {
        return new ConfirmEnterpriseTaxInformation(enterpriseId, uscc, "江西某某科技有限公司",
                sealed(lrAuthorization, legalRepresentative), fm == null ? null : sealed(fmAuthorization, fm),
                lrAuthorization, fm == null ? null : fmAuthorization, "staff-1");
    }

    /** The person as the service seals them before sending (docs/adr/0018). */
    private SealedHolder sealed(AuthorizationId authorization, ReportedPerson person) {
        return facts.seal(vault, authorization, person.document(), person.name());
    }

    private static ReportedPerson person(String name) {
        return new ReportedPerson(new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, Registrations.residentIdNumber()),
                new PersonName(name));
    }

    private static Uscc uscc(String nineDigits) {
        String body = "91360100" + nineDigits;
        return new Uscc(body + Uscc.checkCharacter(body));
    }
}
