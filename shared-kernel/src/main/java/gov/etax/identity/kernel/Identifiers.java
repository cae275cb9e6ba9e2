package gov.etax.identity.kernel;

import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Aggregate identifiers of the form {@code <type>-<random UUID>}. The event store's unique key is
 * (aggregate id, sequence) without the aggregate type, so the type prefix guarantees that ids of
 * different aggregate types can never collide, and a person's id is refused where an enterprise's
 * is expected.
 */
public final class Identifiers {

    // Lower case only: one canonical spelling, so that string equality is identifier equality.
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Identifiers() {
    }

    /** A new identifier, e.g. {@code generate("person")} gives "person-3f2b…". */
    public static String generate(String typePrefix) {
        return typePrefix + "-" + UUID.randomUUID();
    }

    /**
     * Returns {@code value} if it is {@code typePrefix}, a hyphen and a lower-case UUID.
     *
     * @throws gov.etax.identity.kernel.refusal.Refusal INVALID_IDENTIFIER otherwise
     */
    public static String requireValid(String typePrefix, String value) {
        if (value == null || value.isBlank()) {
            throw CommonReason.INVALID_IDENTIFIER.refusal("The " + typePrefix + " identifier is missing.");
        }
        String prefix = typePrefix + "-";
        if (!value.startsWith(prefix) || !UUID_TEXT.matcher(value.substring(prefix.length())).matches()) {
            throw CommonReason.INVALID_IDENTIFIER.refusal("Not a " + typePrefix + " identifier: " + value);
        }
        return value;
    }
}
