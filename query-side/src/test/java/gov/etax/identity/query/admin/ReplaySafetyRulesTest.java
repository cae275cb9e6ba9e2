package gov.etax.identity.query.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * What a replay may and may not do, checked on the query side's classes (docs/architecture.md,
 * "Replay"): every projection can be reset, and an event handler of a class that emits
 * subscription-query updates either does not run on replay ({@code @DisallowReplay}) or asks for
 * the {@link ReplayStatus} so that it can skip the emission while replaying.
 */
@AnalyzeClasses(packages = "gov.etax.identity.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ReplaySafetyRulesTest {

    private static final DescribedPredicate<JavaClass> EMITTING_UPDATES =
            DescribedPredicate.describe("emit subscription-query updates", javaClass ->
                    javaClass.getDirectDependenciesFromSelf().stream()
                            .anyMatch(dependency -> dependency.getTargetClass().isAssignableTo(QueryUpdateEmitter.class)));

    private static final ArchCondition<JavaMethod> NOT_EMITTING_ON_REPLAY =
            new ArchCondition<>("be @DisallowReplay or take the ReplayStatus") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    boolean safe = method.isAnnotatedWith(DisallowReplay.class)
                            || method.getOwner().isAnnotatedWith(DisallowReplay.class)
                            || method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(ReplayStatus.class));
                    events.add(new SimpleConditionEvent(method, safe, method.getFullName()
                            + (safe ? " does not emit on replay" : " may emit subscription-query updates during a replay")));
                }
            };

    private static final ArchCondition<JavaClass> HAVE_A_RESET_HANDLER =
            new ArchCondition<>("have a @ResetHandler that clears its read model") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    boolean has = javaClass.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(ResetHandler.class));
                    events.add(new SimpleConditionEvent(javaClass, has, javaClass.getName()
                            + (has ? " has a reset handler" : " has no @ResetHandler: a replay would add to the old rows")));
                }
            };

    @ArchTest
    static final ArchRule sideEffectsDoNotRunOnReplay = methods()
            .that().areAnnotatedWith(EventHandler.class)
            .and().areDeclaredInClassesThat(EMITTING_UPDATES)
            .should(NOT_EMITTING_ON_REPLAY)
            .allowEmptyShould(true)
            .because("a replay re-delivers old events; subscribers must not receive them as news");

    @ArchTest
    static final ArchRule everyProjectionClearsOnReset = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .and(DescribedPredicate.describe("handle events", (JavaClass javaClass) ->
                    javaClass.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(EventHandler.class))))
            .and(DescribedPredicate.describe("are not @DisallowReplay", (JavaClass javaClass) ->
                    !javaClass.isAnnotatedWith(DisallowReplay.class)))
            .should(HAVE_A_RESET_HANDLER)
            .because("POST /api/admin/projections/{name}/replay rebuilds the read model from an empty one");
}
