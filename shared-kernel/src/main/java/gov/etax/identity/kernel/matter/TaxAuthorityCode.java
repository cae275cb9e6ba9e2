package gov.etax.identity.kernel.matter;

import gov.etax.identity.kernel.refusal.CommonReason;

/** A competent tax authority (主管税务机关), by its 11-digit tax authority code. */
public record TaxAuthorityCode(String value) {

    public TaxAuthorityCode {
        if (value == null || !value.trim().matches("\\d{11}")) {
            throw CommonReason.MALFORMED_REQUEST.refusal("A tax authority code has 11 digits.");
        }
        value = value.trim();
    }
}
