package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;

/**
 * A person's name as on the identity document. Any script is allowed (Chinese, minority names
 * with "·", Latin names of foreigners), so only length and control characters are checked. The
 * middle dot is kept in the register's form, U+00B7 "·", whichever look-alike was typed
 * ({@link #normalised}).
 */
public record PersonName(String value) {

    private static final int MAX_CODE_POINTS = 100;
    private static final char MIDDLE_DOT = '\u00B7';
    /** • ・ ･ ． ‧ ∙ ⋅ */
    private static final String LOOK_ALIKE_DOTS = "\u2022\u30FB\uFF65\uFF0E\u2027\u2219\u22C5";

    public PersonName {
        if (value == null || value.isBlank()) {
            throw CommonReason.INVALID_NAME.refusal("The name is missing.");
        }
        // strip(), not trim(): it also removes the full-width space (U+3000) of Chinese input methods.
        value = normalised(value.strip());
        int length = value.codePointCount(0, value.length());
        if (length > MAX_CODE_POINTS) {
            throw CommonReason.INVALID_NAME.refusal("A name has at most 100 characters.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw CommonReason.INVALID_NAME.refusal("A name may not contain control characters.");
        }
    }

    /**
     * The separator dot of minority and foreign names as the register holds it: the bullet "•",
     * the katakana middle dot "・" (and its half-width form), the full-width full stop "．", the
     * hyphenation point "‧" and the dot operators become "·". An ASCII full stop "." does too, but
     * only between two letters ("John.Smith"): elsewhere it is an abbreviation ("J. Smith").
     */
    public static String normalised(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        int[] codePoints = typed.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            boolean betweenLetters = i > 0 && i < codePoints.length - 1
                    && Character.isLetter(codePoints[i - 1]) && Character.isLetter(codePoints[i + 1]);
            out.appendCodePoint(LOOK_ALIKE_DOTS.indexOf(c) >= 0 || (c == '.' && betweenLetters) ? MIDDLE_DOT : c);
        }
        return out.toString();
    }

    /** "张三" becomes "张*": the name is personal information and must not end up in logs. */
    @Override
    public String toString() {
        int first = value.codePointAt(0);
        int rest = value.codePointCount(0, value.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
    }
}
