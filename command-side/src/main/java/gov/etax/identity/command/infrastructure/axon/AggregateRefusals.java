package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.kernel.refusal.Reason;
import java.util.Optional;

/**
 * What the sender of a command hears when the command's target aggregate does not exist, or when
 * every attempt met a concurrent change. The module that owns the aggregate implements it (a Spring
 * bean); the command gateway answers with it, so callers just send.
 */
public interface AggregateRefusals {

    /** The aggregate class whose command handlers these answers cover. */
    Class<?> aggregateType();

    /** The refusal when no aggregate has the command's target id. */
    Reason notFound();

    /** The refusal when every attempt of a command of this type met a concurrent change; empty to let the failure through. */
    Optional<Reason> conflicting(Class<?> commandType);
}
