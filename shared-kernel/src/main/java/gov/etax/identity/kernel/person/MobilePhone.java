package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.privacy.Masking;
import java.util.regex.Pattern;

/**
 * A mainland China mobile number (LOGIN-2), kept as its 11 bare digits so that "+86 138-1234-5678"
 * and "13812345678" are the same phone when checking that a number is bound to one person only.
 */
public record MobilePhone(String value) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    public MobilePhone {
        if (value == null || value.isBlank()) {
            throw CommonReason.INVALID_PHONE.refusal("The phone number is missing.");
        }
        value = SEPARATORS.matcher(value).replaceAll("");
        if (value.startsWith("+86")) {
            value = value.substring(3);
        } else if (value.startsWith("0086")) {
            value = value.substring(4);
        }
        if (!MOBILE.matcher(value).matches()) {
            throw CommonReason.INVALID_PHONE.refusal("A mainland mobile number has 11 digits and starts with 13 to 19.");
        }
    }

    public String masked() {
        return Masking.phone(value);
    }

    /** Masked, so that logging a phone does not leak it. */
    @Override
    public String toString() {
        return masked();
    }
}
