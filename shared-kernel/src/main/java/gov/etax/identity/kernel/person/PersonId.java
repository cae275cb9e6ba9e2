package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.Identifiers;

/** Identifies one person aggregate: "person-" and a random UUID, see {@link Identifiers}. */
public record PersonId(String value) {

    private static final String PREFIX = "person";

    public PersonId {
        Identifiers.requireValid(PREFIX, value);
    }

    public static PersonId generate() {
        return new PersonId(Identifiers.generate(PREFIX));
    }

    public static PersonId parse(String value) {
        return new PersonId(value);
    }

    /** The bare value: Axon routes commands to aggregates by the identifier's toString(). */
    @Override
    public String toString() {
        return value;
    }
}
