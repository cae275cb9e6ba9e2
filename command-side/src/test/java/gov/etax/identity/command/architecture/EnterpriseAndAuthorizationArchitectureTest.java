package gov.etax.identity.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The same dependency rule as for persons, for the Enterprise and Authorization aggregates, their
 * rule objects and ports: Axon and ports only. A slice's REST controller, its application
 * service (@Service, including the expiry slice's deadline scheduling) and the adapters of its
 * ports, named for their technology (Jdbc..., the look-up tables; Axon..., handlers that send
 * commands) or @Component (the command gateway's {@code AggregateRefusals}), may use Spring.
 */
@AnalyzeClasses(packages = "gov.etax.identity.command", importOptions = ImportOption.DoNotIncludeTests.class)
class EnterpriseAndAuthorizationArchitectureTest {

    @ArchTest
    static final ArchRule enterpriseDomainIsFrameworkFree = noClasses()
            .that().resideInAPackage("..command.enterprise..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().haveSimpleNameNotStartingWith("Jdbc")
            .and().haveSimpleNameNotStartingWith("Axon")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .and().areNotAnnotatedWith(org.springframework.stereotype.Component.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("REG-1, ACC-1, ACC-3: the Enterprise aggregate and its rules depend on Axon and their ports only");

    @ArchTest
    static final ArchRule authorizationDomainIsFrameworkFree = noClasses()
            .that().resideInAPackage("..command.authorization..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().haveSimpleNameNotStartingWith("Jdbc")
            .and().haveSimpleNameNotStartingWith("Axon")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .and().areNotAnnotatedWith(org.springframework.stereotype.Component.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("ACC-1..ACC-7: the Authorization aggregate and its rules depend on Axon and their ports only");

    /** The aggregates and rules do not reach into the web and security adapters either (only adapters do). */
    @ArchTest
    static final ArchRule rulesDoNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("..command.enterprise..", "..command.authorization..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().haveSimpleNameNotStartingWith("Jdbc")
            .and().haveSimpleNameNotStartingWith("Axon")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .and().areNotAnnotatedWith(org.springframework.stereotype.Component.class)
            .should().dependOnClassesThat().resideInAPackage("..command.infrastructure..")
            .because("rules see callers as kernel Actors, not as tokens; adapters live in infrastructure");

    /** The aggregates and rules see their ports, never the adapters behind them. */
    @ArchTest
    static final ArchRule rulesDoNotKnowTheirAdapters = noClasses()
            .that().resideInAnyPackage("..command.enterprise..", "..command.authorization..")
            .and().haveSimpleNameNotStartingWith("Jdbc")
            .and().haveSimpleNameNotStartingWith("Axon")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .and().haveSimpleNameNotEndingWith("Controller")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Axon")
            .because("ACC-1..ACC-7: a decision reads one read-only port; the look-up tables follow the events");

    /** Modules: authorization below enterprise, neither reaching into persons; enterprise sees authorization's top package only. */
    @ArchTest
    static final ArchRule authorizationStandsAlone = noClasses()
            .that().resideInAPackage("..command.authorization..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.person..", "..command.enterprise..")
            .because("authorization reads persons and enterprises through its own read-only port");

    @ArchTest
    static final ArchRule enterpriseSeesAuthorizationTopOnly = noClasses()
            .that().resideInAPackage("..command.enterprise..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.person..", "..command.authorization.(*)..")
            .because("a module uses only another module's top package");
}
