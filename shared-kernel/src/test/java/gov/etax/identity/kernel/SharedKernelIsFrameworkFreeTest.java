package gov.etax.identity.kernel;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kernel is shared by the command side, the query side and clients, so it must not pull a
 * framework along. The one exception is Axon's routing annotation on command records.
 */
@AnalyzeClasses(packages = "gov.etax.identity.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedKernelIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule noSpringJpaJacksonOrWeb = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta..", "javax.persistence..", "com.fasterxml..", "org.hibernate..")
            .because("the shared kernel is plain Java");

    @ArchTest
    static final ArchRule onlyAxonsRoutingAnnotation = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.axonframework..")
                    .and(not(name("org.axonframework.modelling.command.TargetAggregateIdentifier"))))
            .because("commands may name their target aggregate, but the kernel needs no Axon runtime");
}
