package gov.etax.identity.kernel.matter;

import gov.etax.identity.kernel.Identifiers;

/** One cross-region tax matter report (跨区域涉税事项报告): "cross-region-matter-" and a random UUID. */
public record CrossRegionMatterId(String value) {

    private static final String PREFIX = "cross-region-matter";

    public CrossRegionMatterId {
        Identifiers.requireValid(PREFIX, value);
    }

    public static CrossRegionMatterId generate() {
        return new CrossRegionMatterId(Identifiers.generate(PREFIX));
    }

    public static CrossRegionMatterId parse(String value) {
        return new CrossRegionMatterId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
