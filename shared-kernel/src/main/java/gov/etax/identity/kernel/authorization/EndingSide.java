package gov.etax.identity.kernel.authorization;

/** From which side a relationship was ended (ACC-6, ACC-7). */
public enum EndingSide {
    /** the legal representative or finance manager of the enterprise, in an enterprise session (ACC-6) */
    ENTERPRISE,
    /** the legal representative or finance manager of the tax agency, for a tax agent relationship */
    AGENCY,
    /** the holder themself, from "authorized enterprises" in the account center (ACC-7) */
    PERSON,
    /** tax authority staff at a service hall (ACC-6, ACC-7) */
    TAX_AUTHORITY
}
