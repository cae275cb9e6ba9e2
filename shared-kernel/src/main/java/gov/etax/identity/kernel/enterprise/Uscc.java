package gov.etax.identity.kernel.enterprise;

import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, GB 32100), the identifier of an enterprise
 * (REG-1). The 18th character is a check character over the first 17.
 */
public record Uscc(String value) {

    /** GB 32100 code characters: digits and capitals without I, O, Z, S, V (easily misread). */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        if (value == null || value.isBlank()) {
            throw CommonReason.INVALID_USCC.refusal("The unified social credit code is missing.");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw CommonReason.INVALID_USCC.refusal("A unified social credit code has 18 characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                throw CommonReason.INVALID_USCC.refusal(
                        "A unified social credit code uses digits and capitals other than I, O, Z, S and V.");
            }
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw CommonReason.INVALID_USCC.refusal("The check character of the unified social credit code is wrong.");
        }
    }

    /**
     * The GB 32100 check character for the first 17 characters: 31 minus (weighted sum mod 31),
     * where 31 becomes 0, as an index into the code characters.
     *
     * @throws IllegalArgumentException if the argument is not 17 code characters
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17 == null || first17.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("GB 32100 check needs exactly 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int code = CHARSET.indexOf(first17.charAt(i));
            if (code < 0) {
                throw new IllegalArgumentException("Not a GB 32100 code character: " + first17.charAt(i));
            }
            sum += code * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
