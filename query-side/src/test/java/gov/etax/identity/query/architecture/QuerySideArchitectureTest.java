package gov.etax.identity.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventHandler;

/**
 * The query side is deployed apart from the command side and shares only the kernel with it.
 * Its tests may start the command side, so test classes are left out of the analysis.
 *
 * <p>Its top-level packages are areas (account, admin, audit, authorization, center, privacy,
 * session) on top of {@code infrastructure}: no cycles among them, and infrastructure knows none of
 * them (security asks for sessions through its own port, {@code KnownSessions}; endpoints name the
 * projections they read with {@code ReadsProjections}).
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

    @ArchTest
    static final ArchRule noCyclesBetweenAreas = slices().matching("gov.etax.identity.query.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule infrastructureKnowsNoArea = noClasses()
            .that().resideInAPackage("gov.etax.identity.query.infrastructure..")
            .should().dependOnClassesThat().resideInAnyPackage("gov.etax.identity.query.account..",
                    "gov.etax.identity.query.admin..", "gov.etax.identity.query.audit..",
                    "gov.etax.identity.query.authorization..", "gov.etax.identity.query.center..",
                    "gov.etax.identity.query.privacy..", "gov.etax.identity.query.session..")
            .because("infrastructure is what every area builds on; an area plugs into it through a port or an annotation");

    /** Classes with an event handler method: the projections a processor runs. */
    private static final DescribedPredicate<JavaClass> PROJECTIONS = new DescribedPredicate<>("handle events") {
        @Override
        public boolean test(JavaClass type) {
            return type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class));
        }
    };

    @ArchTest
    static final ArchRule projectionsWriteWithJdbc = noClasses()
            .that(PROJECTIONS)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.data.jpa..",
                    "org.springframework.orm.jpa..")
            .because("processors run in JDBC transactions, which a JPA repository or entity manager cannot join "
                    + "(docs/adr/0045-projection-reads-and-batches-in-plain-jdbc.md)");
}
