package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asked before a login's password is hashed (PWD-5): a locked account refuses at once, and that
 * refused attempt is recorded; an open one answers accepted and records nothing.
 */
public record CheckAccountLock(@TargetAggregateIdentifier PersonId personId, LoginEntry entry, AuthenticationMethod method) {
}
