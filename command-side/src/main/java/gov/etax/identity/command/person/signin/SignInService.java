package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.security.SessionTokenIssuer;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.CredentialStore.StoredCredential;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.sms.SmsChallenges;
import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.sms.SmsPurpose;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.person.commands.LoginDecision;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Logging in (LOGIN-1, LOGIN-2, LOGIN-5, REG-6): the account, the password and the second factor
 * are checked here, outside any transaction; the person then decides (PWD-5) and records it.
 */
@Service
public class SignInService {

    private final PersonDirectory directory;
    private final CredentialStore credentials;
    private final PasswordEncoder passwordEncoder;
    private final SmsChallenges smsChallenges;
    private final FaceVerification faceVerification;
    private final CommandGateway commandGateway;
    private final SessionStore sessions;
    private final SessionTokenIssuer tokenIssuer;

    public SignInService(PersonDirectory directory, CredentialStore credentials, PasswordEncoder passwordEncoder,
                         SmsChallenges smsChallenges, FaceVerification faceVerification, CommandGateway commandGateway,
                         SessionStore sessions, SessionTokenIssuer tokenIssuer) {
        this.directory = directory;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.smsChallenges = smsChallenges;
        this.faceVerification = faceVerification;
        this.commandGateway = commandGateway;
        this.sessions = sessions;
        this.tokenIssuer = tokenIssuer;
    }

    /**
     * Exactly one account: document type + number, a bound phone, or a username; then the password
     * and one second factor: an SMS code (sent to {@code smsPhone}, by default the account phone)
     * or a face verification token.
     */
    public record LoginRequest(String documentType, String documentNumber, String phone, String username,
                               String password, String smsCode, String smsPhone, String faceVerificationToken) {
    }

    public record SessionGranted(String accessToken, String tokenType, Instant expiresAt, String sessionId,
                                 String personId, String entry, String verifiedBy, boolean passwordChangeRequired) {
    }

    public SessionGranted logIn(LoginRequest request, LoginEntry entry) {
        Account account = Account.of(request);
        PersonId person = account.owner(directory);
        AuthenticationMethod method = methodOf(request);

        Optional<StoredCredential> credential = credentials.find(person);
        boolean passwordMatches = request.password() != null
                && credential.filter(c -> passwordEncoder.matches(request.password(), c.hash().encoded())).isPresent();
        // The second factor is only spent once the password is right: a guessed password burns no code.
        LoginFailure failure = passwordMatches ? secondFactorFailure(person, account, method, request)
                : LoginFailure.WRONG_PASSWORD;

        SessionId sessionId = SessionId.generate();
        boolean changeRequired = credential.map(StoredCredential::mustChange).orElse(false);
        LoginDecision decision = commandGateway.sendAndWait(
                new RecordLoginAttempt(person, entry, method, failure, sessionId, changeRequired));
        if (!decision.isAccepted()) {
            throw refusalFor(decision);
        }
        SessionStore.Session session = sessions.find(sessionId).orElseThrow();
        return new SessionGranted(tokenIssuer.issue(session), "Bearer", session.expiresAt(), sessionId.value(),
                person.value(), entry.name(), method.verifiedBy(), changeRequired);
    }

    public void logOut(PersonId person, SessionId session) {
        commandGateway.sendAndWait(new EndSession(person, session));
    }

    private static AuthenticationMethod methodOf(LoginRequest request) {
        boolean sms = request.smsCode() != null && !request.smsCode().isBlank();
        boolean face = request.faceVerificationToken() != null && !request.faceVerificationToken().isBlank();
        if (sms == face) {
            throw SignInReason.SECOND_FACTOR_REQUIRED.refusal();
        }
        return sms ? AuthenticationMethod.PASSWORD_SMS : AuthenticationMethod.PASSWORD_FACE;
    }

    private LoginFailure secondFactorFailure(PersonId person, Account account, AuthenticationMethod method,
                                             LoginRequest request) {
        if (method == AuthenticationMethod.PASSWORD_FACE) {
            FaceScanResult scan = faceVerification.redeem(request.faceVerificationToken());
            boolean thisPersonsFace = scan.outcome() == FaceVerification.Outcome.PASSED
                    && directory.withDocument(scan.document()).filter(person::equals).isPresent();
            return thisPersonsFace ? null : LoginFailure.FACE_NOT_VERIFIED;
        }
        MobilePhone smsPhone = request.smsPhone() != null ? new MobilePhone(request.smsPhone()) : account.phone();
        if (smsPhone == null || directory.withPhone(smsPhone).filter(person::equals).isEmpty()) {
            return LoginFailure.WRONG_SMS_CODE;
        }
        return smsChallenges.verify(smsPhone, SmsPurpose.LOGIN, request.smsCode()) == SmsCodeCheck.VALID
                ? null : LoginFailure.WRONG_SMS_CODE;
    }

    private static Refusal refusalFor(LoginDecision decision) {
        return switch (decision.failure()) {
            case ACCOUNT_LOCKED -> SignInReason.ACCOUNT_LOCKED.refusal().with("unlocksAt", decision.unlocksAt());
            case WRONG_PASSWORD -> SignInReason.WRONG_CREDENTIALS.refusal().with("failuresLeft", decision.failuresLeft());
            case WRONG_SMS_CODE -> SignInReason.WRONG_SMS_CODE.refusal().with("failuresLeft", decision.failuresLeft());
            case FACE_NOT_VERIFIED -> SignInReason.FACE_NOT_VERIFIED.refusal().with("failuresLeft", decision.failuresLeft());
        };
    }

    /** The one account identifier a login names (LOGIN-1: document, bound phone or username). */
    record Account(DocumentNumber document, MobilePhone phone, Username username) {

        static Account of(LoginRequest request) {
            boolean byDocument = request.documentNumber() != null;
            boolean byPhone = request.phone() != null;
            boolean byUsername = request.username() != null;
            if ((byDocument ? 1 : 0) + (byPhone ? 1 : 0) + (byUsername ? 1 : 0) != 1) {
                throw SignInReason.ACCOUNT_REQUIRED.refusal();
            }
            return new Account(
                    byDocument ? new DocumentNumber(DocumentType.parse(request.documentType()), request.documentNumber()) : null,
                    byPhone ? new MobilePhone(request.phone()) : null,
                    byUsername ? new Username(request.username()) : null);
        }

        PersonId owner(PersonDirectory directory) {
            if (document != null) {
                return directory.withDocument(document).orElseThrow(SignInReason.ACCOUNT_NOT_REGISTERED::refusal);
            }
            if (phone != null) {
                return directory.withPhone(phone).orElseThrow(SignInReason.LOGIN_PHONE_NOT_BOUND::refusal);
            }
            return directory.withUsername(username).orElseThrow(SignInReason.ACCOUNT_NOT_REGISTERED::refusal);
        }
    }
}
