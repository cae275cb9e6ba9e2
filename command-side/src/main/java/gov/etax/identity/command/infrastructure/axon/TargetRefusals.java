package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The refusal a command's target aggregate answers for a failure that is no refusal: a missing
 * aggregate, or a concurrent change on every attempt. The target of a command is the aggregate
 * that declares its {@link CommandHandler}.
 */
public class TargetRefusals {

    private record Target(AggregateRefusals refusals, boolean creates) {
    }

    private final Map<Class<?>, Target> byCommand = new HashMap<>();

    public TargetRefusals(List<AggregateRefusals> aggregates) {
        for (AggregateRefusals aggregate : aggregates) {
            for (Class<?> type = aggregate.aggregateType(); type != null; type = type.getSuperclass()) {
                Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                        .filter(handler -> handler.isAnnotationPresent(CommandHandler.class)
                                && handler.getParameterCount() > 0)
                        .forEach(handler -> byCommand.put(handler.getParameterTypes()[0],
                                new Target(aggregate, handler instanceof Constructor<?>)));
            }
        }
    }

    /** The refusal to answer instead of the failure, if the command's target has one for it. */
    public Optional<Refusal> instead(Class<?> commandType, Throwable failure) {
        Target target = byCommand.get(commandType);
        if (target == null || causedBy(failure, Refusal.class)) {
            return Optional.empty();
        }
        if (causedBy(failure, AggregateNotFoundException.class)) {
            return Optional.of(target.refusals().notFound().refusal());
        }
        if (ConflictRetryScheduler.isConflict(failure)) {
            return target.refusals().conflicting(commandType).map(Reason::refusal);
        }
        return Optional.empty();
    }

    /** The reasons {@link #instead} can answer for a command of this type (for the API description). */
    public Set<Reason> reasons(Class<?> commandType) {
        Target target = byCommand.get(commandType);
        Set<Reason> reasons = new LinkedHashSet<>();
        if (target != null) {
            if (!target.creates()) {
                reasons.add(target.refusals().notFound());
            }
            target.refusals().conflicting(commandType).ifPresent(reasons::add);
        }
        return reasons;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
