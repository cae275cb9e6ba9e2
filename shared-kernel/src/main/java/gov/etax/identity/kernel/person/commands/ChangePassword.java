package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * "个人密码修改" in the account center (PWD-4). The current password was checked outside the
 * aggregate (the hash never enters it); the handler answers with a {@link PasswordChangeDecision}.
 *
 * @param currentPasswordMatched whether the session's person typed the current password right
 * @param newPasswordHash the new password's hash, null when the current password was wrong
 */
public record ChangePassword(
        @TargetAggregateIdentifier PersonId personId,
        SessionId sessionId,
        boolean currentPasswordMatched,
        PasswordHash newPasswordHash) {
}
