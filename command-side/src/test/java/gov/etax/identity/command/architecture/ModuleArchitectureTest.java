package gov.etax.identity.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * Modules (the top packages under {@code command}) and the slices inside them (their
 * sub-packages). Modules depend on each other in one direction only, and a module uses another
 * only through that module's top package: a slice's controller, service, rules and adapters are
 * its own. The order, lowest first: infrastructure, verification, privacy, sms, person;
 * privacy, authorization, enterprise; special subjects and the simulators on top.
 */
@AnalyzeClasses(packages = "gov.etax.identity.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {

    private static final String ROOT = "gov.etax.identity.command.";

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices()
            .matching("gov.etax.identity.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule slicesAreFreeOfCycles = slices()
            .matching("gov.etax.identity.command.(*).(*)..")
            .should().beFreeOfCycles();

    /** Infrastructure's parts (security, web errors, Axon configuration, rate limits) are shared by design. */
    @ArchTest
    static final ArchRule slicesAreTheirModulesOwn = classes()
            .that().resideInAPackage("gov.etax.identity.command.*.*..")
            .and().resideOutsideOfPackage("gov.etax.identity.command.infrastructure..")
            .should(beUsedOnlyFromTheirOwnModule());

    @ArchTest
    static final ArchRule infrastructureKnowsNoFeature = noClasses()
            .that().resideInAPackage("..command.infrastructure..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..command.verification..", "..command.sms..", "..command.person..",
                    "..command.authorization..", "..command.enterprise..", "..command.specialsubject..",
                    "..command.reference..")
            .because("shared plumbing (security, web errors, Axon configuration) serves every module and depends on none");

    @ArchTest
    static final ArchRule personAndAuthorizationAreIndependent = noClasses()
            .that().resideInAPackage("..command.person..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.authorization..", "..command.enterprise..")
            .because("a person's slices read relationships through their own ports, not the authorization module's code");

    @ArchTest
    static final ArchRule authorizationKnowsNoPerson = noClasses()
            .that().resideInAnyPackage("..command.authorization..", "..command.enterprise..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.person..", "..command.sms..")
            .because("relationships name persons by id and document, read through their own ports");

    @ArchTest
    static final ArchRule smsKnowsNoPerson = noClasses()
            .that().resideInAPackage("..command.sms..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.person..", "..command.authorization..",
                    "..command.enterprise..")
            .because("SMS codes serve persons, not the other way round");

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnModule() {
        return new ArchCondition<>("be used only from their own module") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String module = moduleOf(target.getPackageName());
                for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    String originModule = moduleOf(origin.getPackageName());
                    if (originModule != null && !originModule.equals(module)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The module's package ("gov.etax.identity.command.person"), or null outside the modules. */
    private static String moduleOf(String packageName) {
        if (!packageName.startsWith(ROOT)) {
            return null;
        }
        int end = packageName.indexOf('.', ROOT.length());
        return end < 0 ? packageName : packageName.substring(0, end);
    }
}
