package gov.etax.identity.command.authorization;

import gov.etax.identity.command.authorization.AuthorizationFakes.Facts;
import gov.etax.identity.command.authorization.AuthorizationFakes.Vault;
import gov.etax.identity.command.infrastructure.axon.CommandBusConfiguration;
import gov.etax.identity.command.support.MutableClock;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;

/** The Authorization aggregate on its one in-memory port, with a movable clock; the slices' aggregate tests share it. */
public abstract class AuthorizationFixture {

    protected static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    protected static final Instant NOW = LocalDateTime.parse("2026-11-26T10:00:00").atZone(CST).toInstant();
    protected static final LocalDate VALID_UNTIL = LocalDate.parse("2027-06-30");
    protected static final Instant VALIDITY_ENDS = LocalDateTime.parse("2027-07-01T00:00:00").atZone(CST).toInstant();

    protected final MutableClock clock = new MutableClock(NOW);
    protected final Facts facts = new Facts();
    protected final Vault vault = new Vault();
    protected FixtureConfiguration<Authorization> fixture;

    protected final Uscc uscc = uscc("000000001");
    protected final EnterpriseId enterpriseId = EnterpriseId.generate();
    protected final DocumentNumber lrDocument = document();
    protected final DocumentNumber fmDocument = document();
    protected final DocumentNumber nomineeDocument = document();
    protected final DocumentNumber strangerDocument = document();
    protected PersonId legalRepresentative;
    protected PersonId financeManager;
    protected PersonId nominee;
    protected PersonId stranger;
    protected final AuthorizationId id = AuthorizationId.generate();

    @BeforeEach
    protected void setUp() {
        fixture = new AggregateTestFixture<>(Authorization.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(facts);
        ((SimpleCommandBus) fixture.getCommandBus()).setRollbackConfiguration(
                CommandBusConfiguration.RECORDED_REFUSALS_COMMIT);
        legalRepresentative = facts.register(lrDocument);
        financeManager = facts.register(fmDocument);
        nominee = facts.register(nomineeDocument);
        stranger = facts.register(strangerDocument);
        inForce(AuthorizationId.generate(), uscc, RelationshipRole.LEGAL_REPRESENTATIVE, lrDocument);
        inForce(AuthorizationId.generate(), uscc, RelationshipRole.FINANCE_MANAGER, fmDocument);
    }

    protected StaffNominated nominated() {
        return new StaffNominated(id, enterpriseId, uscc, RelationshipRole.TAX_OFFICER, TaxOfficerIdentity.MAIN,
                FunctionSet.taxSets(), VALID_UNTIL, nominee, DocumentType.RESIDENT_IDENTITY_CARD,
                vault.seal(id, nomineeDocument.value()), legalRepresentative, RelationshipRole.LEGAL_REPRESENTATIVE);
    }

    protected AddTaxOfficer addTaxOfficer(Actor by, Set<FunctionSet> scopes) {
        return new AddTaxOfficer(id, enterpriseId, uscc, sealed(nomineeDocument), null, scopes, VALID_UNTIL, by);
    }

    protected Actor as(PersonId person, RelationshipRole role) {
        return new Actor(person, new ActingFor(uscc, role));
    }

    protected void inForce(AuthorizationId authorization, Uscc enterprise, RelationshipRole role, DocumentNumber holder) {
        facts.bind(new Relationships.ActiveRelationship(authorization, EnterpriseId.generate(), enterprise, role,
                null, Set.of(), null), holder);
    }

    /** The nominee as the service seals them before sending (docs/adr/0018). */
    protected SealedHolder sealed(DocumentNumber document) {
        return facts.seal(vault, id, document, null);
    }

    protected static DocumentNumber document() {
        return new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, Registrations.residentIdNumber());
    }

    protected static Uscc uscc(String nineDigits) {
        String body = "91360100" + nineDigits;
        return new Uscc(body + Uscc.checkCharacter(body));
    }
}
