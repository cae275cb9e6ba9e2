package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.events.PasswordReset;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forgot password (PWD-3): the document named the person and the SMS code or face scan proved
 * them outside the aggregate; the new password (already hashed) replaces the old one, may equal
 * it, and unlocks a locked account at once (PWD-5). The handler answers whether it unlocked.
 */
public record ResetPassword(
        @TargetAggregateIdentifier PersonId personId,
        PasswordHash newPasswordHash,
        PasswordReset.Method method) {
}
