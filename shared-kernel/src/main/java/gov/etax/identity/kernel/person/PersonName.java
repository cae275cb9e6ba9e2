package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;

/**
 * A person's name as on the identity document. Any script is allowed (Chinese, minority names
 * with "·", Latin names of foreigners), so only length and control characters are checked.
 */
public record PersonName(String value) {

    private static final int MAX_CODE_POINTS = 100;

    public PersonName {
        if (value == null || value.isBlank()) {
            throw CommonReason.INVALID_NAME.refusal("The name is missing.");
        }
        // strip(), not trim(): it also removes the full-width space (U+3000) of Chinese input methods.
        value = value.strip();
        int length = value.codePointCount(0, value.length());
        if (length > MAX_CODE_POINTS) {
            throw CommonReason.INVALID_NAME.refusal("A name has at most 100 characters.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw CommonReason.INVALID_NAME.refusal("A name may not contain control characters.");
        }
    }

    /** "张三" becomes "张*": the name is personal information and must not end up in logs. */
    @Override
    public String toString() {
        int first = value.codePointAt(0);
        int rest = value.codePointCount(0, value.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
    }
}
