package gov.etax.identity.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query side is deployed apart from the command side and shares only the kernel with it.
 * Its tests may start the command side, so test classes are left out of the analysis.
 */
@AnalyzeClasses(packages = "gov.etax.identity.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    @ArchTest
    static final ArchRule noCommandSideDependency = noClasses()
            .should().dependOnClassesThat().resideInAPackage("gov.etax.identity.command..")
            .because("the two applications deploy separately; they share the shared kernel and the event store only");

    @ArchTest
    static final ArchRule noXStream = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.thoughtworks.xstream..")
            .because("events are read as JSON, never with XStream");
}
