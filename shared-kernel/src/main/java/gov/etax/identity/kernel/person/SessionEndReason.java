package gov.etax.identity.kernel.person;

/** Why a session ended before its 30 minutes were up (recorded on {@code SessionEnded}). */
public enum SessionEndReason {
    /** The person logged out. */
    LOGOUT,
    /** PWD-2, PWD-4: the initial password was replaced; the person logs in again with the new one. */
    PASSWORD_CHANGED,
    /** PWD-4: too many wrong current passwords in the session. */
    CURRENT_PASSWORD_FAILURES,
    /** PWD-3: the password was reset; whoever knew the old one may hold a session. */
    PASSWORD_RESET,
    /** ACC-1, ACC-6, ACC-7: the relationship the session acted under was revoked, replaced or expired. */
    RELATIONSHIP_ENDED
}
