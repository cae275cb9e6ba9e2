package gov.etax.identity.kernel.person;

/** The login entries of the e-tax bureau; the same personal credentials work at each (LOGIN-1). */
public enum LoginEntry {
    /** 自然人业务 */
    NATURAL_PERSON,
    /** 企业业务 (PWD-1) */
    ENTERPRISE,
    /** 代理业务 */
    AGENT,
    /** 特定主体 (LOGIN-6) */
    SPECIAL_SUBJECT
}
