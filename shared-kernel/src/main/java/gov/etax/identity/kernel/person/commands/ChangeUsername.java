package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SealedIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * LOGIN-7: sets the person's first username or replaces the current one (at most once a year).
 * The handler answers {@code true} when the username changed, {@code false} when the person
 * already had exactly this one.
 */
public record ChangeUsername(@TargetAggregateIdentifier PersonId personId, SealedIdentifier username) {
}
