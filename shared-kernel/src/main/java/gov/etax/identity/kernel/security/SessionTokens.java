package gov.etax.identity.kernel.security;

/** Names shared by the command side that issues access tokens and the query side that accepts them. */
public final class SessionTokens {

    /** The {@code iss} of person session tokens. */
    public static final String ISSUER = "etax-identity";
    public static final String SESSION_ID = "sid";
    public static final String ENTRY = "entry";
    /** How the person was verified: SMS or FACE (RFC 8176 style "amr"). */
    public static final String VERIFIED_BY = "amr";
    public static final String METHOD = "method";
    /** Present and true while the session may do nothing but set a new password. */
    public static final String PASSWORD_CHANGE_REQUIRED = "pwd_change_required";
    /** Enterprise sessions (PWD-1): the enterprise's USCC and the role the person acts in. */
    public static final String ENTERPRISE = "enterprise";
    public static final String ENTERPRISE_ROLE = "enterprise_role";
    /** The staff token claim naming the caller's role: TAX_STAFF, AUDITOR or OPERATOR. */
    public static final String STAFF_ROLE = "role";

    private SessionTokens() {
    }
}
