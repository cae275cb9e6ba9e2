package gov.etax.identity.kernel.person;

/** Why a login attempt by a known person failed; recorded in {@code LoginFailed}. */
public enum LoginFailure {
    WRONG_PASSWORD,
    WRONG_SMS_CODE,
    FACE_NOT_VERIFIED,
    /** Refused without checking anything further: the account is locked (PWD-5). */
    ACCOUNT_LOCKED,
    /** The person proved who they are but has no relationship with that enterprise (LOGIN-4). */
    NO_RELATIONSHIP;

    /** Only failures of the person's own proof count toward a lockout (PWD-5). */
    public boolean countsTowardLockout() {
        return this != ACCOUNT_LOCKED && this != NO_RELATIONSHIP;
    }
}
