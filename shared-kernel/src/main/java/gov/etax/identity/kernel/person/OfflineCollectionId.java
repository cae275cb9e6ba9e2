package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.Identifiers;

/**
 * Identifies one offline real-name collection at a tax service hall (REG-3): "offline-collection-"
 * and a random UUID, see {@link Identifiers}. The collection is its own small aggregate because
 * the foreigner it is for is not a person of this system yet.
 */
public record OfflineCollectionId(String value) {

    private static final String PREFIX = "offline-collection";

    public OfflineCollectionId {
        Identifiers.requireValid(PREFIX, value);
    }

    public static OfflineCollectionId generate() {
        return new OfflineCollectionId(Identifiers.generate(PREFIX));
    }

    public static OfflineCollectionId parse(String value) {
        return new OfflineCollectionId(value);
    }

    /** The bare value: Axon routes commands to aggregates by the identifier's toString(). */
    @Override
    public String toString() {
        return value;
    }
}
