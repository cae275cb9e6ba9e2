package gov.etax.identity.kernel.enterprise;

/** Where the tax authority's record of a legal representative comes from (ACC-1, ACC-3). */
public enum LegalRepresentativeSource {
    /** the enterprise's tax information confirmed by the tax authority (new-taxpayer package or at the hall) */
    TAX_INFORMATION_CONFIRMATION,
    /** 市场监管部门 */
    MARKET_REGULATION,
    /** 民政部门 */
    CIVIL_AFFAIRS,
    /** 社保部门 */
    SOCIAL_SECURITY
}
