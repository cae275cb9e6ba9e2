package gov.etax.identity.command.person.phones;

/**
 * LOGIN-3: 【找回手机号码】 is for a person who holds no phone (for example because a number found on
 * several migrated persons was cleared from all of them). A person holding a phone adds more in the
 * account center instead.
 */
public final class PhoneRecoveryAllowed {

    private PhoneRecoveryAllowed() {
    }

    public static void check(int phonesHeld) {
        if (phonesHeld > 0) {
            throw PhoneReason.PHONE_RECOVERY_NOT_NEEDED.refusal();
        }
    }
}
