package gov.etax.identity.kernel.privacy;

/**
 * Masked forms of personal identifiers for logs, {@code toString()} and screens, so that a full
 * document or phone number never leaves the system by accident.
 */
public final class Masking {

    private static final int LONG_DOCUMENT = 15;
    private static final int PHONE_LENGTH = 11;

    private Masking() {
    }

    /**
     * Keeps the first 6 and last 4 characters of a long number (region code and check part, as
     * printed on bureau screens) and the first 1 and last 2 of a shorter one. Three characters or
     * fewer are masked completely, because keeping 1 + 2 would reveal all of them.
     */
    public static String documentNumber(String number) {
        if (number == null) {
            return null;
        }
        int length = number.length();
        if (length >= LONG_DOCUMENT) {
            return keep(number, 6, 4);
        }
        if (length <= 3) {
            return "*".repeat(Math.max(length, 1));
        }
        return keep(number, 1, 2);
    }

    /** "13812345678" becomes "138****5678"; anything else is masked like a short document number. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() == PHONE_LENGTH) {
            return keep(phone, 3, 4);
        }
        return documentNumber(phone);
    }

    private static String keep(String value, int head, int tail) {
        int hidden = value.length() - head - tail;
        return value.substring(0, head) + "*".repeat(hidden) + value.substring(value.length() - tail);
    }
}
