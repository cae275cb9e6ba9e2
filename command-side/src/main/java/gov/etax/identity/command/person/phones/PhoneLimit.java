package gov.etax.identity.command.person.phones;

/**
 * LOGIN-2: a person may bind several phones (FAQ 三.9). The FAQ names no maximum; we cap it at 5 so
 * that one account cannot hoard numbers that are login identifiers and reset channels of their own.
 */
public final class PhoneLimit {

    public static final int MAX_PHONES = 5;

    private PhoneLimit() {
    }

    public static void check(int phonesHeld) {
        if (phonesHeld >= MAX_PHONES) {
            throw PhoneReason.PHONE_LIMIT_REACHED.refusal().with("maxPhones", MAX_PHONES);
        }
    }
}
