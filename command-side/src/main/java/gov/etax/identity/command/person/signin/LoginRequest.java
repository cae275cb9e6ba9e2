package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.Locale;

/**
 * Exactly one account: document type + number, a bound phone, or a username; then the password
 * and one second factor: an SMS code (sent to {@code smsPhone}, by default the account phone,
 * or the person's one phone for a login by document or username) or a face verification token.
 *
 * @param entry NATURAL_PERSON (default), ENTERPRISE or AGENT
 * @param uscc  the enterprise, at the enterprise and agent entries (PWD-1)
 * @param role  the role to act in, when the person holds several in that enterprise (ACC-8)
 */
public record LoginRequest(String entry, String uscc, String role,
                           String documentType, String documentNumber, String phone, String username,
                           String password, String smsCode, String smsPhone, String faceVerificationToken,
                           Boolean confirmPendingAuthorization) {

    LoginEntry loginEntry() {
        if (entry == null || entry.isBlank()) {
            return LoginEntry.NATURAL_PERSON;
        }
        try {
            return LoginEntry.valueOf(entry.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommonReason.MALFORMED_REQUEST.refusal("entry is NATURAL_PERSON, ENTERPRISE, AGENT or SPECIAL_SUBJECT");
        }
    }

    /** The special-subject entry (LOGIN-6) acts for the person; matters are chosen after login. */
    Uscc enterprise(LoginEntry loginEntry) {
        if (loginEntry == LoginEntry.NATURAL_PERSON || loginEntry == LoginEntry.SPECIAL_SUBJECT) {
            return null;
        }
        if (uscc == null || uscc.isBlank()) {
            throw SignInReason.USCC_REQUIRED.refusal();
        }
        return new Uscc(uscc);
    }

    AuthenticationMethod method() {
        boolean sms = smsCode != null && !smsCode.isBlank();
        boolean face = faceVerificationToken != null && !faceVerificationToken.isBlank();
        if (sms == face) {
            throw SignInReason.SECOND_FACTOR_REQUIRED.refusal();
        }
        return sms ? AuthenticationMethod.PASSWORD_SMS : AuthenticationMethod.PASSWORD_FACE;
    }
}
