package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Switches role within an enterprise (ACC-8) or to another related enterprise (ACC-9) without
 * logging in again: the current session ends and a new one, acting for {@code actingFor}, begins.
 * The relationship was checked before the command.
 *
 * @param actingFor null to go back to natural-person business
 */
public record SwitchSession(@TargetAggregateIdentifier PersonId personId, SessionId from, SessionId to,
                            LoginEntry entry, ActingFor actingFor) {
}
