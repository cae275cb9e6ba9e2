package gov.etax.identity.kernel.authorization;

import gov.etax.identity.kernel.Identifiers;

/** Identifies one authorization aggregate: "authorization-" and a random UUID, see {@link Identifiers}. */
public record AuthorizationId(String value) {

    private static final String PREFIX = "authorization";

    public AuthorizationId {
        Identifiers.requireValid(PREFIX, value);
    }

    public static AuthorizationId generate() {
        return new AuthorizationId(Identifiers.generate(PREFIX));
    }

    public static AuthorizationId parse(String value) {
        return new AuthorizationId(value);
    }

    /** The bare value: Axon routes commands to aggregates by the identifier's toString(). */
    @Override
    public String toString() {
        return value;
    }
}
