package gov.etax.identity.kernel.authorization;

/** Why a relationship was ended; recorded with the side and the person or staff member who ended it. */
public enum EndReason {
    /** the person left the enterprise (ACC-6, ACC-7) */
    LEFT_ENTERPRISE,
    /** the person's duties changed; they no longer handle this enterprise's tax matters */
    DUTIES_CHANGED,
    /** the grant was made in error */
    GRANTED_IN_ERROR,
    /** the tax agency contract ended */
    AGENCY_CONTRACT_ENDED,
    /** none of the above */
    OTHER,
    /** set by the system only: market-regulation data named a new legal representative (ACC-1) */
    LEGAL_REPRESENTATIVE_CHANGED,
    /** set by the system only: the enterprise reported a new finance manager to the tax authority (ACC-4) */
    REPLACED_BY_NEW_REPORT;

    /** Reasons a caller may give; the system's own come from the enterprise's data only. */
    public boolean mayBeGivenByCaller() {
        return this != LEGAL_REPRESENTATIVE_CHANGED && this != REPLACED_BY_NEW_REPORT;
    }
}
