package gov.etax.identity.kernel.person;

/** How a person proved who they are (LOGIN-5). Lockout counts failures per method (PWD-5). */
public enum AuthenticationMethod {
    /** personal password + SMS code */
    PASSWORD_SMS,
    /** personal password + scan (face) verification */
    PASSWORD_FACE,
    /** 扫码登录: a login completed in the tax app or IIT app and carried over to the web */
    SCAN;

    /** The second factor as a token claim ("amr"): SMS or FACE. */
    public String verifiedBy() {
        return this == PASSWORD_SMS ? "SMS" : "FACE";
    }
}
