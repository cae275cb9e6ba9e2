package gov.etax.identity.kernel.person;

/** Why a login attempt by a known person failed; recorded in {@code LoginFailed}. */
public enum LoginFailure {
    WRONG_PASSWORD,
    WRONG_SMS_CODE,
    FACE_NOT_VERIFIED,
    /** Refused without checking anything further: the account is locked (PWD-5). */
    ACCOUNT_LOCKED;

    /** Only failures of the person's own proof count toward a lockout, not refusals of a lock. */
    public boolean countsTowardLockout() {
        return this != ACCOUNT_LOCKED;
    }
}
