package gov.etax.identity.kernel.person.commands;

/**
 * The person's answer to a {@link ChangePassword}. A wrong current password is an answer, not an
 * exception, so that the refusal is in the history before the caller is told.
 *
 * @param changed the new password is now the person's password
 * @param failuresLeft wrong current passwords this session may still make; 0 means the session ends
 */
public record PasswordChangeDecision(boolean changed, int failuresLeft) {

    public static PasswordChangeDecision accepted() {
        return new PasswordChangeDecision(true, 0);
    }

    public boolean endsSession() {
        return !changed && failuresLeft == 0;
    }
}
