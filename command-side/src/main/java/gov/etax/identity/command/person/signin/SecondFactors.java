package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonPhones;
import gov.etax.identity.command.sms.SmsChallenges;
import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.sms.SmsPurpose;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import org.springframework.stereotype.Service;

/**
 * The second factor of a password login (LOGIN-5): an SMS code sent to one of the person's phones,
 * or a face scan of the person's own document. Spending it is the last check of a login.
 */
@Service
public class SecondFactors {

    private final PersonDirectory directory;
    private final PersonPhones phones;
    private final SmsChallenges smsChallenges;
    private final FaceVerification faceVerification;

    public SecondFactors(PersonDirectory directory, PersonPhones phones, SmsChallenges smsChallenges,
                         FaceVerification faceVerification) {
        this.directory = directory;
        this.phones = phones;
        this.smsChallenges = smsChallenges;
        this.faceVerification = faceVerification;
    }

    /** @param failure null when the factor passed; @param faceVerificationId the scan's reference for a face login */
    record Checked(LoginFailure failure, String faceVerificationId) {
    }

    Checked check(PersonId person, Account account, AuthenticationMethod method, LoginRequest request) {
        if (method == AuthenticationMethod.PASSWORD_FACE) {
            FaceScanResult scan = faceVerification.redeem(request.faceVerificationToken());
            // The document the account was named by is the person's already: no second look-up.
            boolean thisPersonsFace = scan.outcome() == FaceVerification.Outcome.PASSED
                    && (account.document() != null && account.document().equals(scan.document())
                        || directory.withDocument(scan.document()).filter(person::equals).isPresent());
            return thisPersonsFace ? new Checked(null, scan.verificationId())
                    : new Checked(LoginFailure.FACE_NOT_VERIFIED, null);
        }
        MobilePhone smsPhone = request.smsPhone() != null ? new MobilePhone(request.smsPhone())
                : account.phone() != null ? account.phone() : phones.soleLoginPhone(person);
        if (directory.withPhone(smsPhone).filter(person::equals).isEmpty()) {
            return new Checked(LoginFailure.WRONG_SMS_CODE, null);
        }
        return new Checked(smsChallenges.verify(smsPhone, SmsPurpose.LOGIN, request.smsCode()) == SmsCodeCheck.VALID
                ? null : LoginFailure.WRONG_SMS_CODE, null);
    }
}
