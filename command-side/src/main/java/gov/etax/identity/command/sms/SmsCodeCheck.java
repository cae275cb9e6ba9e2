package gov.etax.identity.command.sms;

/**
 * The answer to one attempt at an SMS code. Not an exception: a login counts {@link #WRONG} (and
 * the others except {@link #VALID}) as a failed attempt of its own (PWD-5).
 */
public enum SmsCodeCheck {
    /** The right code, in time, with tries left; it is now used up. */
    VALID,
    /** Not the code; one of the code's 5 tries is spent. */
    WRONG,
    /** The code's 5 minutes are over. */
    EXPIRED,
    /** No code was sent for this phone and purpose, or it was already used. */
    NO_CODE,
    /** 5 wrong tries were made; the code is dead, even if this try was right. */
    EXHAUSTED
}
