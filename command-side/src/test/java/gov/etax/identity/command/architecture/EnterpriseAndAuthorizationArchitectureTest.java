package gov.etax.identity.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The same dependency rule as for persons, for the Enterprise and Authorization aggregates, their
 * rule objects and ports: Axon and ports only. A slice's REST controller and its application
 * service (@Service, including the expiry slice's deadline scheduling) are adapters and may use Spring.
 */
@AnalyzeClasses(packages = "gov.etax.identity.command", importOptions = ImportOption.DoNotIncludeTests.class)
class EnterpriseAndAuthorizationArchitectureTest {

    @ArchTest
    static final ArchRule enterpriseDomainIsFrameworkFree = noClasses()
            .that().resideInAPackage("..command.enterprise..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("REG-1, ACC-1, ACC-3: the Enterprise aggregate and its rules depend on Axon and their ports only");

    @ArchTest
    static final ArchRule authorizationDomainIsFrameworkFree = noClasses()
            .that().resideInAPackage("..command.authorization..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
            .because("ACC-1..ACC-7: the Authorization aggregate and its rules depend on Axon and their ports only");

    /** The aggregates and rules do not reach into the web and security adapters either (only services and controllers do). */
    @ArchTest
    static final ArchRule rulesDoNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("..command.enterprise..", "..command.authorization..")
            .and().haveSimpleNameNotEndingWith("Controller")
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .should().dependOnClassesThat().resideInAPackage("..command.infrastructure..")
            .because("rules see callers as kernel Actors, not as tokens; adapters live in infrastructure");
}
