package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.authorization.PendingAuthorizations;
import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.command.infrastructure.security.SessionTokenIssuer;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.CredentialStore.StoredCredential;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonPhones;
import gov.etax.identity.command.sms.SmsChallenges;
import gov.etax.identity.command.sms.SmsCodeCheck;
import gov.etax.identity.command.sms.SmsPurpose;
import gov.etax.identity.command.verification.FaceVerification;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.commands.CheckAccountLock;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.person.commands.LoginDecision;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import gov.etax.identity.kernel.person.commands.SwitchSession;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final Relationships relationships;
    private final PendingAuthorizations pendingAuthorizations;
    private final Clock clock;
    private final PersonPhones phones;
    private volatile String dummyHash;
    private final PasswordUpgrade passwordUpgrade;

    public SignInService(PersonDirectory directory, CredentialStore credentials, PasswordEncoder passwordEncoder,
                         SmsChallenges smsChallenges, FaceVerification faceVerification, CommandGateway commandGateway,
                         SessionStore sessions, SessionTokenIssuer tokenIssuer, Relationships relationships,
                         PendingAuthorizations pendingAuthorizations, Clock clock, PasswordUpgrade passwordUpgrade,
                         PersonPhones phones) {
        this.directory = directory;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.smsChallenges = smsChallenges;
        this.faceVerification = faceVerification;
        this.commandGateway = commandGateway;
        this.sessions = sessions;
        this.tokenIssuer = tokenIssuer;
        this.relationships = relationships;
        this.pendingAuthorizations = pendingAuthorizations;
        this.clock = clock;
        this.passwordUpgrade = passwordUpgrade;
        this.phones = phones;
    }

    /**
     * Exactly one account: document type + number, a bound phone, or a username; then the password
     * and one second factor: an SMS code (sent to {@code smsPhone}, by default the account phone,
     * or the person's one phone for a login by document or username) or a face verification token.
     */
    /**
     * @param entry NATURAL_PERSON (default), ENTERPRISE or AGENT
     * @param uscc  the enterprise, at the enterprise and agent entries (PWD-1)
     * @param role  the role to act in, when the person holds several in that enterprise (ACC-8)
     */
    public record LoginRequest(String entry, String uscc, String role,
                               String documentType, String documentNumber, String phone, String username,
                               String password, String smsCode, String smsPhone, String faceVerificationToken,
                               Boolean confirmPendingAuthorization) {
    }

    /**
     * @param enterprise and {@code role}: what an enterprise or agent session acts for, else null
     * @param notice     what the person must do first, when the session may only do that (PWD-4), else null
     */
    public record SessionGranted(String accessToken, String tokenType, Instant expiresAt, String sessionId,
                                 String personId, String entry, String verifiedBy, boolean passwordChangeRequired,
                                 String enterprise, String role,
                                 @Schema(description = "Present when the session may only do one thing first: "
                                         + "PASSWORD_NOT_SET (PWD-4), set a password with POST /api/me/password")
                                 Notice notice) {

        public static SessionGranted of(SessionStore.Session session, String token) {
            ActingFor actingFor = session.actingFor();
            return new SessionGranted(token, "Bearer", session.expiresAt(), session.sessionId().value(),
                    session.personId().value(), session.entry().name(), session.method().verifiedBy(),
                    session.passwordChangeRequired(),
                    actingFor == null ? null : actingFor.enterprise().value(),
                    actingFor == null ? null : actingFor.role().name(), null);
        }

        public SessionGranted with(Reason reason) {
            return new SessionGranted(accessToken, tokenType, expiresAt, sessionId, personId, entry, verifiedBy,
                    passwordChangeRequired, enterprise, role,
                    new Notice(reason.code(), reason.rule(), reason.message(), reason.messageZh()));
        }
    }

    /** A refusal's wording, told beside a session that was granted. */
    public record Notice(String code, String rule, String message,
                         @com.fasterxml.jackson.annotation.JsonProperty("message_zh") String messageZh) {
    }

    public SessionGranted logIn(LoginRequest request) {
        LoginEntry entry = entryOf(request.entry());
        Uscc enterprise = enterpriseOf(entry, request.uscc());
        Account account = Account.of(request);
        Optional<PersonId> owner = account.owner(directory);
        if (owner.isEmpty()) {
            passwordMatches(request.password(), Optional.empty());
            throw account.notRegistered();
        }
        PersonId person = owner.get();
        AuthenticationMethod method = methodOf(request);
        LoginDecision lock = commandGateway.sendAndWait(new CheckAccountLock(person, entry, method));
        if (!lock.isAccepted()) {
            throw refusalFor(lock);
        }

        Optional<StoredCredential> credential = credentials.find(person);
        boolean passwordMatches = passwordMatches(request.password(), credential);
        LoginFailure failure = passwordMatches ? null : LoginFailure.WRONG_PASSWORD;
        ActingFor actingFor = null;
        boolean secondFactorChecked = false;
        if (failure == null && enterprise != null) {
            // After the password, so nobody learns who works where without it; before the second
            // factor, so a person who must still choose a role keeps their SMS code.
            actingFor = actingFor(person, entry, enterprise, request.role());
            Optional<AuthorizationId> pending = actingFor == null && entry == LoginEntry.ENTERPRISE
                    ? pendingAuthorizations.financeManagerPendingFor(person, enterprise) : Optional.empty();
            if (pending.isPresent()) {
                SecondFactor factor = secondFactor(person, account, method, request);
                secondFactorChecked = true;
                failure = factor.failure();
                if (failure == null) {
                    actingFor = confirmAtLoginPage(person, pending.get(), method, factor, request, enterprise);
                }
            } else {
                failure = actingFor == null ? LoginFailure.NO_RELATIONSHIP : null;
            }
        }
        if (failure == null && !secondFactorChecked) {
            // The second factor is only spent once all else is right: a guessed password burns no code.
            failure = secondFactor(person, account, method, request).failure();
        }

        SessionId sessionId = SessionId.generate();
        boolean changeRequired = credential.map(StoredCredential::mustChange).orElse(false);
        LoginDecision decision = commandGateway.sendAndWait(
                new RecordLoginAttempt(person, entry, method, failure, sessionId, changeRequired, actingFor));
        if (!decision.isAccepted()) {
            throw refusalFor(decision);
        }
        passwordUpgrade.ifWeak(person, request.password(), credential.get().hash());
        SessionStore.Session session = sessions.find(sessionId).orElseThrow();
        return SessionGranted.of(session, tokenIssuer.issue(session));
    }

    /**
     * One hash per attempt whether or not the account exists or has a password, so the time of the
     * answer tells nothing the answer itself does not (docs/security.md): without a stored hash, a
     * dummy one made by the same encoder is compared instead.
     */
    private boolean passwordMatches(String password, Optional<StoredCredential> credential) {
        if (password == null) {
            return false;
        }
        String stored = credential.map(c -> c.hash().encoded()).orElseGet(this::dummyHash);
        String typed = credential.map(c -> c.asTyped(password)).orElse(password);
        return passwordEncoder.matches(typed, stored) && credential.isPresent();
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = passwordEncoder.encode(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    /**
     * ACC-8, ACC-9: act in another role or for another related enterprise without logging in again;
     * {@code uscc} null goes back to natural-person business.
     */
    public SessionGranted switchTo(PersonId person, SessionId current, String uscc, String role) {
        ActingFor actingFor = null;
        LoginEntry entry = LoginEntry.NATURAL_PERSON;
        if (uscc != null) {
            Uscc enterprise = new Uscc(uscc);
            RelationshipRole wanted = role == null ? null : roleOf(role);
            entry = wanted == RelationshipRole.TAX_AGENT ? LoginEntry.AGENT : LoginEntry.ENTERPRISE;
            actingFor = actingFor(person, entry, enterprise, role);
            if (actingFor == null) {
                throw SignInReason.NO_RELATIONSHIP_WITH_ENTERPRISE.refusal();
            }
        }
        SessionId next = SessionId.generate();
        commandGateway.sendAndWait(new SwitchSession(person, current, next, entry, actingFor));
        SessionStore.Session session = sessions.find(next).orElseThrow();
        return SessionGranted.of(session, tokenIssuer.issue(session));
    }

    public void logOut(PersonId person, SessionId session) {
        commandGateway.sendAndWait(EndSession.logout(person, session));
    }

    /**
     * The role the person acts in for the enterprise, or null when they hold none there (LOGIN-4).
     * The agent entry is for tax agent personnel; the enterprise entry for the other four roles.
     */
    private ActingFor actingFor(PersonId person, LoginEntry entry, Uscc enterprise, String requestedRole) {
        List<RelationshipRole> held = relationships.of(person, clock.instant()).stream()
                .filter(r -> r.uscc().equals(enterprise))
                .map(Relationships.ActiveRelationship::role)
                .filter(r -> (entry == LoginEntry.AGENT) == (r == RelationshipRole.TAX_AGENT))
                .distinct()
                .toList();
        if (requestedRole != null) {
            RelationshipRole wanted = roleOf(requestedRole);
            return held.contains(wanted) ? new ActingFor(enterprise, wanted) : null;
        }
        if (held.size() > 1) {
            throw SignInReason.ROLE_CHOICE_REQUIRED.refusal().with("roles", held.stream().map(Enum::name).toList());
        }
        return held.isEmpty() ? null : new ActingFor(enterprise, held.get(0));
    }

    private static RelationshipRole roleOf(String role) {
        try {
            return RelationshipRole.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommonReason.MALFORMED_REQUEST.refusal("role is one of " + java.util.Arrays.toString(RelationshipRole.values()));
        }
    }

    private static LoginEntry entryOf(String entry) {
        if (entry == null || entry.isBlank()) {
            return LoginEntry.NATURAL_PERSON;
        }
        try {
            return LoginEntry.valueOf(entry.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommonReason.MALFORMED_REQUEST.refusal("entry is NATURAL_PERSON, ENTERPRISE, AGENT or SPECIAL_SUBJECT");
        }
    }

    /** The special-subject entry (LOGIN-6) acts for the person; matters are chosen after login. */
    private static Uscc enterpriseOf(LoginEntry entry, String uscc) {
        if (entry == LoginEntry.NATURAL_PERSON || entry == LoginEntry.SPECIAL_SUBJECT) {
            return null;
        }
        if (uscc == null || uscc.isBlank()) {
            throw SignInReason.USCC_REQUIRED.refusal();
        }
        return new Uscc(uscc);
    }

    private static AuthenticationMethod methodOf(LoginRequest request) {
        boolean sms = request.smsCode() != null && !request.smsCode().isBlank();
        boolean face = request.faceVerificationToken() != null && !request.faceVerificationToken().isBlank();
        if (sms == face) {
            throw SignInReason.SECOND_FACTOR_REQUIRED.refusal();
        }
        return sms ? AuthenticationMethod.PASSWORD_SMS : AuthenticationMethod.PASSWORD_FACE;
    }

    /** @param failure null when the factor passed; @param faceVerificationId the scan's reference for a face login */
    private record SecondFactor(LoginFailure failure, String faceVerificationId) {
    }

    private SecondFactor secondFactor(PersonId person, Account account, AuthenticationMethod method, LoginRequest request) {
        if (method == AuthenticationMethod.PASSWORD_FACE) {
            FaceScanResult scan = faceVerification.redeem(request.faceVerificationToken());
            boolean thisPersonsFace = scan.outcome() == FaceVerification.Outcome.PASSED
                    && directory.withDocument(scan.document()).filter(person::equals).isPresent();
            return thisPersonsFace ? new SecondFactor(null, scan.verificationId())
                    : new SecondFactor(LoginFailure.FACE_NOT_VERIFIED, null);
        }
        MobilePhone smsPhone = request.smsPhone() != null ? new MobilePhone(request.smsPhone())
                : account.phone() != null ? account.phone() : phones.soleLoginPhone(person);
        if (directory.withPhone(smsPhone).filter(person::equals).isEmpty()) {
            return new SecondFactor(LoginFailure.WRONG_SMS_CODE, null);
        }
        return new SecondFactor(smsChallenges.verify(smsPhone, SmsPurpose.LOGIN, request.smsCode()) == SmsCodeCheck.VALID
                ? null : LoginFailure.WRONG_SMS_CODE, null);
    }

    /**
     * ACC-4: the reported finance manager confirms the pending authorization at the enterprise login
     * page. Asked first (409 with the authorization's id), confirmed when the login says so; the
     * login's own face scan is the confirmation's scan (ACC-5), an SMS login is not enough.
     */
    private ActingFor confirmAtLoginPage(PersonId person, AuthorizationId pending, AuthenticationMethod method,
                                         SecondFactor factor, LoginRequest request, Uscc enterprise) {
        if (!Boolean.TRUE.equals(request.confirmPendingAuthorization())) {
            throw SignInReason.PENDING_AUTHORIZATION_TO_CONFIRM.refusal().with("authorizationId", pending.value());
        }
        commandGateway.sendAndWait(new ConfirmAuthorization(pending, new Actor(person, null),
                method == AuthenticationMethod.PASSWORD_FACE, factor.faceVerificationId()));
        return new ActingFor(enterprise, RelationshipRole.FINANCE_MANAGER);
    }

    private static Refusal refusalFor(LoginDecision decision) {
        return switch (decision.failure()) {
            case ACCOUNT_LOCKED -> SignInReason.ACCOUNT_LOCKED.refusal().with("unlocksAt", decision.unlocksAt());
            case WRONG_PASSWORD -> SignInReason.WRONG_CREDENTIALS.refusal().with("failuresLeft", decision.failuresLeft());
            case WRONG_SMS_CODE -> SignInReason.WRONG_SMS_CODE.refusal().with("failuresLeft", decision.failuresLeft());
            case FACE_NOT_VERIFIED -> SignInReason.FACE_NOT_VERIFIED.refusal().with("failuresLeft", decision.failuresLeft());
            case NO_RELATIONSHIP -> SignInReason.NO_RELATIONSHIP_WITH_ENTERPRISE.refusal();
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

        Optional<PersonId> owner(PersonDirectory directory) {
            if (document != null) {
                return directory.withDocument(document);
            }
            if (phone != null) {
                return directory.withPhone(phone);
            }
            return directory.withUsername(username);
        }

        /** REG-6, LOGIN-2: the bureau's own answers for an account nobody holds. */
        Refusal notRegistered() {
            return (phone != null ? SignInReason.LOGIN_PHONE_NOT_BOUND : SignInReason.ACCOUNT_NOT_REGISTERED).refusal();
        }
    }
}
