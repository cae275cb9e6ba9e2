package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SealedIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * LOGIN-2: a logged-in person adds a phone in the account center (【手机号码修改】). The SMS code
 * sent to the new number was checked before the command; the code never enters the aggregate.
 * The handler answers {@code true} when the phone was bound now, {@code false} when the person
 * already held it.
 */
public record BindPhone(@TargetAggregateIdentifier PersonId personId, SealedIdentifier phone) {
}
