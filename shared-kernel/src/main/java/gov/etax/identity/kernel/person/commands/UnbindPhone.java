package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LOGIN-2: the person gives up one of their phones; it becomes free for anyone to bind. */
public record UnbindPhone(@TargetAggregateIdentifier PersonId personId, MobilePhone phone) {
}
