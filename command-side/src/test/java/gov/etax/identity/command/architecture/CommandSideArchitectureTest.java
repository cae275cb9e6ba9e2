package gov.etax.identity.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependency rules of the command side. ArchUnit fails a rule whose "that" selects no class, so a
 * renamed package breaks these tests instead of silently emptying them.
 */
@AnalyzeClasses(packages = "gov.etax.identity.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    /**
     * The aggregate and its rules stay testable with in-memory ports; Spring and JDBC live in
     * adapters. A slice's REST controller, its application service (@Service), its JDBC adapters and
     * look-up projections (@Component) are adapters: Spring beans, never used by the aggregate.
     */
    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses()
            .that().resideInAPackage("..command.person..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().areNotMetaAnnotatedWith(org.springframework.stereotype.Component.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("REG-2, REG-3: the aggregate and its rules depend on Axon and their ports only, not on Spring or persistence");

    /** Persons and authorizations share tables, not code: person reads relationships through its own port. */
    @ArchTest
    static final ArchRule personDoesNotImportAuthorization = noClasses()
            .that().resideInAPackage("..command.person..")
            .should().dependOnClassesThat().resideInAPackage("..command.authorization..")
            .because("person and authorization are modules that must not import each other");

    @ArchTest
    static final ArchRule smsDoesNotImportPerson = noClasses()
            .that().resideInAPackage("..command.sms..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.person..", "..command.authorization..")
            .because("sms is below person: it asks its own SmsRecipients port, which person implements");

    @ArchTest
    static final ArchRule infrastructureDoesNotImportPersonOrSms = noClasses()
            .that().resideInAPackage("..command.infrastructure..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.person..", "..command.sms..")
            .because("infrastructure is below every module: security asks its own SessionLookup port, which person implements");

    /** Other modules see person's top package only, never a slice of it. */
    @ArchTest
    static final ArchRule personSlicesAreInternal = noClasses()
            .that().resideInAnyPackage("..command.simulator..", "..command.specialsubject..", "..command.sms..")
            .should().dependOnClassesThat().resideInAPackage("..command.person.*..")
            .because("a module's slices are its own; what others use sits in its top package");

    /** Simulators exist in dev only; production code reaching into them would break without them. */
    @ArchTest
    static final ArchRule nothingUsesSimulators = noClasses()
            .that().resideOutsideOfPackage("..command.simulator..")
            .should().dependOnClassesThat().resideInAPackage("..command.simulator..")
            .because("simulators stand in for external services in dev; they and their guard live apart");

    /**
     * The ports for external services are plain interfaces so that a simulator or a real client can
     * implement them; their HTTP adapters, with Spring, live in the sub-package {@code http}.
     */
    @ArchTest
    static final ArchRule verificationPortsAreSpringFree = noClasses()
            .that().resideInAPackage("..command.verification")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("ports for external services carry no framework");

    /** Callers hold the port; which adapter answers (HTTP or a dev simulator) is the profile's choice. */
    @ArchTest
    static final ArchRule outsideServicesOnlyThroughTheirPorts = noClasses()
            .that().resideOutsideOfPackage("..command.verification.http..")
            .should().dependOnClassesThat().resideInAPackage("..command.verification.http..")
            .because("the HTTP adapters of outside services are reached only through the verification ports");

    /**
     * The shared Axon, configuration and web machinery knows no module: a module that needs it
     * implements a port it defines (such as the command gateway's {@code AggregateRefusals}).
     */
    @ArchTest
    static final ArchRule sharedMachineryKnowsNoModule = noClasses()
            .that().resideInAnyPackage("..command.infrastructure.axon..", "..command.infrastructure.config..",
                    "..command.infrastructure.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.verification..", "..command.sms..",
                    "..command.person..", "..command.authorization..", "..command.enterprise..",
                    "..command.specialsubject..", "..command.reference..", "..command.simulator..")
            .because("infrastructure is the lowest module and imports none but privacy");

    /** Events are stored as JSON; XStream would make the event store unreadable by the query side. */
    @ArchTest
    static final ArchRule noXStream = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.thoughtworks.xstream..")
            .because("events and messages are serialized as JSON, never with XStream");
}
