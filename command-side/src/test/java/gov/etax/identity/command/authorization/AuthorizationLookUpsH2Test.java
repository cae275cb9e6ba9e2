package gov.etax.identity.command.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.CommandSideApplication;
import gov.etax.identity.command.privacy.LookupHash;
import gov.etax.identity.command.support.Registrations;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.commands.ConfirmEnterpriseTaxInformation;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.refusal.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The look-up tables follow the aggregates' events in the command's transaction (docs/adr/0018), on
 * the H2 of `make run`: what a confirmation puts in force, and the unique key that decides a race.
 */
class AuthorizationLookUpsH2Test {

    private static ConfigurableApplicationContext context;
    private static CommandGateway commands;
    private static HolderSealing sealing;
    private static Relationships relationships;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = CommandSideApplication.builder().run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:look-ups-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.profiles.active=dev", "--etax.dev.key-dir=target/dev-keys");
        commands = context.getBean(CommandGateway.class);
        sealing = context.getBean(HolderSealing.class);
        relationships = context.getBean(Relationships.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @DisplayName("ACC-3, ACC-5: the legal representative is in force at once; a confirmed tax officer within the granted scope and validity")
    void confirmationPutsTheGrantInForce() {
        Uscc uscc = uscc();
        DocumentNumber lrDocument = document();
        DocumentNumber nomineeDocument = document();
        PersonId legalRepresentative = registered(lrDocument);
        PersonId nominee = registered(nomineeDocument);
        EnterpriseId enterpriseId = confirmEnterprise(uscc, lrDocument);
        assertThat(relationships.of(legalRepresentative, Instant.now()))
                .extracting(Relationships.ActiveRelationship::role).containsExactly(RelationshipRole.LEGAL_REPRESENTATIVE);

        LocalDate validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
        AuthorizationId id = AuthorizationId.generate();
        commands.sendAndWait(new AddTaxOfficer(id, enterpriseId, uscc, sealing.seal(id, nomineeDocument),
                TaxOfficerIdentity.MAIN, Set.of(), validUntil,
                new Actor(legalRepresentative, new ActingFor(uscc, RelationshipRole.LEGAL_REPRESENTATIVE))));
        assertThat(relationships.of(nominee, Instant.now())).as("pending is not in force").isEmpty();
        commands.sendAndWait(new ConfirmAuthorization(id, new Actor(nominee, null), true, null));

        Relationships.ActiveRelationship relationship = relationships.of(nominee, Instant.now()).get(0);
        assertThat(relationship.authorizationId()).isEqualTo(id);
        assertThat(relationship.enterpriseId()).isEqualTo(enterpriseId);
        assertThat(relationship.uscc()).isEqualTo(uscc);
        assertThat(relationship.role()).isEqualTo(RelationshipRole.TAX_OFFICER);
        assertThat(relationship.taxOfficerIdentity()).isEqualTo("MAIN");
        assertThat(relationship.scopes()).containsExactlyInAnyOrderElementsOf(
                FunctionSet.taxSets().stream().map(Enum::name).toList());
        assertThat(relationship.validUntil()).isEqualTo(Validity.endOf(validUntil));
    }

    @Test
    @DisplayName("ACC-5, REG-1: the look-up handlers subscribe, so they run in the command's transaction, and a failing one fails its command")
    void lookUpsRunInTheCommandsTransaction() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        for (String group : List.of(JdbcAuthorizationLookUps.GROUP, "enterprise-successions")) {
            assertThat(processing.eventProcessor(group, SubscribingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Test
    @DisplayName("ACC-5: the claim's unique key refuses a second pending authorization of one holder in one role (ALREADY_AUTHORIZED), whoever decided first")
    void claimKeyIsTheGuard() {
        Uscc uscc = uscc();
        DocumentNumber holder = document();
        JdbcAuthorizationLookUps lookUps = context.getBean(JdbcAuthorizationLookUps.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        transaction.executeWithoutResult(status -> lookUps.on(nominated(uscc, holder)));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> lookUps.on(nominated(uscc, holder))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason())
                        .isEqualTo(AuthorizationReason.ALREADY_AUTHORIZED));
    }

    private static StaffNominated nominated(Uscc uscc, DocumentNumber holder) {
        AuthorizationId id = AuthorizationId.generate();
        SealedHolder sealed = sealing.seal(id, holder);
        return new StaffNominated(id, EnterpriseId.generate(), uscc, RelationshipRole.TAX_OFFICER,
                TaxOfficerIdentity.MAIN, FunctionSet.taxSets(), LocalDate.now().plusDays(30), PersonId.generate(),
                sealed.documentType(), sealed.documentNumber(), PersonId.generate(), RelationshipRole.LEGAL_REPRESENTATIVE);
    }

    private static EnterpriseId confirmEnterprise(Uscc uscc, DocumentNumber legalRepresentative) {
        EnterpriseId enterpriseId = EnterpriseId.generate();
        AuthorizationId lr = AuthorizationId.generate();
        commands.sendAndWait(new ConfirmEnterpriseTaxInformation(enterpriseId, uscc, "江西某某科技有限公司",
                sealing.seal(lr, legalRepresentative, new PersonName("张总")), null, lr, null, "staff-1"));
        return enterpriseId;
    }

    /** A registered person as the directory knows them: their document's claim. */
    private static PersonId registered(DocumentNumber document) {
        PersonId person = PersonId.generate();
        jdbc.update("INSERT INTO identity_claim (claim_kind, claim_hash, person_id, claimed_at) VALUES ('DOCUMENT', ?, ?, ?)",
                context.getBean(LookupHash.class).of(document), person.value(), Timestamp.from(Clock.systemUTC().instant()));
        return person;
    }

    private static DocumentNumber document() {
        return new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, Registrations.residentIdNumber());
    }

    private static Uscc uscc() {
        String body = "91360100" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        return new Uscc(body + Uscc.checkCharacter(body));
    }
}
