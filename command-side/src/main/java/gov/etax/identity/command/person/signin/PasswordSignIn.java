package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.infrastructure.security.SessionTokenIssuer;
import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.CredentialStore.StoredCredential;
import gov.etax.identity.command.person.EnterpriseRoles;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.ConfirmAuthorization;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.LoginFailure;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.CheckAccountLock;
import gov.etax.identity.kernel.person.commands.RecordLoginAttempt;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Logging in with a password and a second factor (LOGIN-1, LOGIN-2, LOGIN-5, REG-6): the account,
 * the password and the second factor are checked here, outside any transaction; the person then
 * decides (PWD-5): a failure is recorded and comes back as the refusal, a success opens the session.
 */
@Service
public class PasswordSignIn {

    private final PersonDirectory directory;
    private final CredentialStore credentials;
    private final PasswordEncoder passwordEncoder;
    private final SecondFactors secondFactors;
    private final CommandGateway commandGateway;
    private final SessionStore sessions;
    private final SessionTokenIssuer tokenIssuer;
    private final EnterpriseRoles roles;
    private final Clock clock;
    private final PasswordUpgrade passwordUpgrade;
    private final AccountLocks locks;
    private volatile String dummyHash;

    public PasswordSignIn(PersonDirectory directory, CredentialStore credentials, PasswordEncoder passwordEncoder,
                          SecondFactors secondFactors, CommandGateway commandGateway, SessionStore sessions,
                          SessionTokenIssuer tokenIssuer, EnterpriseRoles roles, Clock clock,
                          PasswordUpgrade passwordUpgrade, AccountLocks locks) {
        this.directory = directory;
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.secondFactors = secondFactors;
        this.commandGateway = commandGateway;
        this.sessions = sessions;
        this.tokenIssuer = tokenIssuer;
        this.roles = roles;
        this.clock = clock;
        this.passwordUpgrade = passwordUpgrade;
        this.locks = locks;
    }

    public SessionGranted logIn(LoginRequest request) {
        LoginEntry entry = request.loginEntry();
        Uscc enterprise = request.enterprise(entry);
        Account account = Account.of(request);
        Optional<PersonId> owner = account.owner(directory);
        if (owner.isEmpty()) {
            passwordMatches(request.password(), Optional.empty());
            throw account.notRegistered();
        }
        PersonId person = owner.get();
        AuthenticationMethod method = request.method();
        if (locks.onRecord(person)) {
            // Only a lock on record needs the person before the hash: refused while it holds, its
            // end recorded once midnight has passed. Without one, RecordLoginAttempt still decides.
            commandGateway.sendAndWait(new CheckAccountLock(person, entry, method));
        }

        Optional<StoredCredential> credential = credentials.find(person);
        LoginFailure failure = passwordMatches(request.password(), credential) ? null : LoginFailure.WRONG_PASSWORD;
        ActingFor actingFor = null;
        boolean secondFactorChecked = false;
        if (failure == null && enterprise != null) {
            // After the password, so nobody learns who works where without it; before the second
            // factor, so a person who must still choose a role keeps their SMS code.
            actingFor = RoleChoice.of(roles.rolesIn(person, enterprise, clock.instant()), entry, enterprise,
                    request.role());
            Optional<AuthorizationId> pending = actingFor == null && entry == LoginEntry.ENTERPRISE
                    ? roles.financeManagerPendingFor(person, enterprise) : Optional.empty();
            if (pending.isPresent()) {
                SecondFactors.Checked factor = secondFactors.check(person, account, method, request);
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
            failure = secondFactors.check(person, account, method, request).failure();
        }

        SessionId sessionId = SessionId.generate();
        boolean changeRequired = credential.map(StoredCredential::mustChange).orElse(false);
        commandGateway.sendAndWait(
                new RecordLoginAttempt(person, entry, method, failure, sessionId, changeRequired, actingFor));
        passwordUpgrade.ifWeak(person, request.password(), credential.get().hash());
        PersonSession session = sessions.find(sessionId).orElseThrow();
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
     * ACC-4: the reported finance manager confirms the pending authorization at the enterprise login
     * page. Asked first (409 with the authorization's id), confirmed when the login says so; the
     * login's own face scan is the confirmation's scan (ACC-5), an SMS login is not enough.
     */
    private ActingFor confirmAtLoginPage(PersonId person, AuthorizationId pending, AuthenticationMethod method,
                                         SecondFactors.Checked factor, LoginRequest request, Uscc enterprise) {
        if (!Boolean.TRUE.equals(request.confirmPendingAuthorization())) {
            throw SignInReason.PENDING_AUTHORIZATION_TO_CONFIRM.refusal().with("authorizationId", pending.value());
        }
        commandGateway.sendAndWait(new ConfirmAuthorization(pending, new Actor(person, null),
                method == AuthenticationMethod.PASSWORD_FACE, factor.faceVerificationId()));
        return new ActingFor(enterprise, RelationshipRole.FINANCE_MANAGER);
    }
}
