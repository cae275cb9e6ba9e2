package gov.etax.identity.kernel.enterprise;

import gov.etax.identity.kernel.Identifiers;

/** Identifies one enterprise aggregate: "enterprise-" and a random UUID, see {@link Identifiers}. */
public record EnterpriseId(String value) {

    private static final String PREFIX = "enterprise";

    public EnterpriseId {
        Identifiers.requireValid(PREFIX, value);
    }

    public static EnterpriseId generate() {
        return new EnterpriseId(Identifiers.generate(PREFIX));
    }

    public static EnterpriseId parse(String value) {
        return new EnterpriseId(value);
    }

    /** The bare value: Axon routes commands to aggregates by the identifier's toString(). */
    @Override
    public String toString() {
        return value;
    }
}
