package gov.etax.identity.command.person.signin;

import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Instant;

/** How a failed login attempt is told (PWD-5): which failure, and how many attempts are left today. */
final class LoginRefusals {

    private LoginRefusals() {
    }

    static Refusal locked(Instant unlocksAt) {
        return SignInReason.ACCOUNT_LOCKED.refusal().with("unlocksAt", unlocksAt);
    }

    static Refusal of(LoginFailure failure, int failuresLeft) {
        return switch (failure) {
            case ACCOUNT_LOCKED -> SignInReason.ACCOUNT_LOCKED.refusal();
            case WRONG_PASSWORD -> SignInReason.WRONG_CREDENTIALS.refusal().with("failuresLeft", failuresLeft);
            case WRONG_SMS_CODE -> SignInReason.WRONG_SMS_CODE.refusal().with("failuresLeft", failuresLeft);
            case FACE_NOT_VERIFIED -> SignInReason.FACE_NOT_VERIFIED.refusal().with("failuresLeft", failuresLeft);
            case NO_RELATIONSHIP -> SignInReason.NO_RELATIONSHIP_WITH_ENTERPRISE.refusal();
        };
    }
}
