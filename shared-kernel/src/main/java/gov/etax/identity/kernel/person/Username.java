package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.regex.Pattern;

/**
 * LOGIN-7: 6 to 20 ASCII letters or digits, the first a letter. Case-sensitive, so the value is
 * kept exactly as given; surrounding whitespace is refused rather than trimmed, because a login
 * with a silently trimmed name would match an account the user did not type.
 */
public record Username(String value) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{5,19}");

    public Username {
        if (value == null || value.isBlank()) {
            throw CommonReason.INVALID_USERNAME.refusal("The username is missing.");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw CommonReason.INVALID_USERNAME.refusal(
                    "A username has 6 to 20 letters or digits and starts with a letter.");
        }
    }

    /** The username is optional at registration (LOGIN-7): null or blank means none was chosen. */
    public static Username ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Username(value);
    }
}
