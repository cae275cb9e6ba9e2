package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;

/** 8 to 16 characters with at least two of: letters, digits, symbols. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password == null) {
            throw PersonReason.PASSWORD_TOO_WEAK.refusal("A password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < 8 || length > 16) {
            throw PersonReason.PASSWORD_TOO_WEAK.refusal("A password has 8 to 16 characters.");
        }
        boolean letters = password.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
        boolean digits = password.codePoints().anyMatch(c -> c >= '0' && c <= '9');
        boolean symbols = password.codePoints().anyMatch(c -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c));
        boolean others = password.codePoints().anyMatch(c -> c <= ' ' || c >= 127);
        if (others) {
            throw PersonReason.PASSWORD_TOO_WEAK.refusal("A password uses printable ASCII letters, digits and symbols only.");
        }
        int classes = (letters ? 1 : 0) + (digits ? 1 : 0) + (symbols ? 1 : 0);
        if (classes < 2) {
            throw PersonReason.PASSWORD_TOO_WEAK.refusal("A password mixes at least two of: letters, digits, symbols.");
        }
    }
}
