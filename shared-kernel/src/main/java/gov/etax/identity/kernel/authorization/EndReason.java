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
    LEGAL_REPRESENTATIVE_CHANGED;

    /** Reasons a caller may give; {@link #LEGAL_REPRESENTATIVE_CHANGED} comes from the enterprise's data only. */
    public boolean mayBeGivenByCaller() {
        return this != LEGAL_REPRESENTATIVE_CHANGED;
    }
}
