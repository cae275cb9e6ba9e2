package gov.etax.identity.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.history.HistoryRecords;
import gov.etax.identity.command.person.phones.BoundPhones;
import gov.etax.identity.command.person.realname.RealNameVerification;
import gov.etax.identity.command.person.password.PasswordChanges;
import gov.etax.identity.command.person.registration.FaceVerificationRequired;
import gov.etax.identity.command.person.registration.OnlineRegistrationAllowed;
import gov.etax.identity.command.person.signin.SignIn;
import gov.etax.identity.command.person.unified.ProvinceAccounts;
import gov.etax.identity.command.person.username.PersonUsername;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.RealNameEvidence;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.commands.AddProvinceAccount;
import gov.etax.identity.kernel.person.commands.ChangePassword;
import gov.etax.identity.kernel.person.commands.ChooseUnifiedCredentials;
import gov.etax.identity.kernel.person.commands.MigrateNaturalPerson;
import gov.etax.identity.kernel.person.commands.RegisterNaturalPerson;
import gov.etax.identity.kernel.person.commands.ResetPassword;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.Instant;
import java.util.List;
import gov.etax.identity.kernel.person.events.RealNameLevelRaised;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One human being, identified by one identity document; every login ends here ("穿透到人").
 *
 * <p>Snapshotted (every login is an event, so histories grow long). The revision names the shape of
 * the state below, its members' included: bump it whenever a field is added, removed, renamed or
 * changes type, so that older snapshots are ignored and the person is rebuilt from events.
 */
@Aggregate(snapshotTriggerDefinition = NaturalPerson.SNAPSHOT_TRIGGER)
@Revision("1")
public class NaturalPerson {

    /** The bean (PersonSnapshots) that decides when a person is snapshotted. */
    public static final String SNAPSHOT_TRIGGER = "naturalPersonSnapshotTrigger";

    @AggregateIdentifier
    private PersonId personId;
    private RealNameLevel realNameLevel;

    @AggregateMember
    private final SignIn signIn = new SignIn();

    @AggregateMember
    private final PasswordChanges passwordChanges = new PasswordChanges();

    @AggregateMember
    private final ProvinceAccounts provinceAccounts = new ProvinceAccounts();

    /** LOGIN-2, LOGIN-3: the phones held, bound and unbound. */
    @AggregateMember
    private final BoundPhones phones = new BoundPhones();

    /** LOGIN-7: the username, set or changed. */
    @AggregateMember
    private final PersonUsername username = new PersonUsername();

    /** REG-5: the real-name level, raised by a face scan. */
    @AggregateMember
    private final RealNameVerification realName = new RealNameVerification();

    /** ACC-10: the records hidden from the person's own history information. */
    @AggregateMember
    private final HistoryRecords historyRecords = new HistoryRecords();

    protected NaturalPerson() {
        // for Axon's event sourcing
    }

    /**
     * Registration (REG-2), run by the registration slice's command handler, which stores the
     * password hash once the person is accepted. Decides on the lookup hashes the command carries;
     * the claims follow the event (JdbcIdentityClaims).
     */
    public NaturalPerson(RegisterNaturalPerson command, IdentityClaims claims) {
        OnlineRegistrationAllowed.check(command.documentType(), command.verifiedBy() == RealNameEvidence.HALL_COLLECTION);
        FaceVerificationRequired.check(command.verifiedBy(), command.faceVerificationId());
        IdentifiersFree.check(claims, command.document().lookupHash(), command.phone().lookupHash(),
                command.username() == null ? null : command.username().lookupHash());
        apply(new NaturalPersonRegistered(
                command.personId(),
                command.documentType(),
                command.document().sealed(),
                command.name(),
                command.phone().sealed(),
                command.username() == null ? null : command.username().sealed(),
                RealNameLevel.LEVEL_4,
                command.faceVerificationId(),
                command.verifiedBy(),
                command.offlineCollectionId()));
    }

    /**
     * A person from a province's existing data (REG-5): real-name level 3, an initial password that
     * must be changed (PWD-2) or none at all (PWD-4), and only the phones nobody else holds
     * (LOGIN-2, LOGIN-3). Run by the migration slice's command handler, which stores the initial
     * password once the person is accepted.
     */
    public NaturalPerson(MigrateNaturalPerson command, IdentityClaims claims) {
        if (claims.documentHolder(command.document().lookupHash()).isPresent()) {
            throw PersonReason.DOCUMENT_ALREADY_REGISTERED.refusal();
        }
        List<EncryptedText> bound = command.phones().stream()
                .filter(phone -> claims.phoneHolder(phone.lookupHash()).isEmpty())
                .map(SealedIdentifier::sealed)
                .toList();
        apply(new NaturalPersonMigrated(
                command.personId(),
                command.province(),
                command.documentType(),
                command.document().sealed(),
                command.name(),
                bound,
                command.phonesClearedAsShared(),
                command.phones().size() - bound.size(),
                RealNameLevel.LEVEL_3,
                command.importedBy(),
                command.initialPasswordHash() == null));
    }

    /** PWD-4, decided here; the password slice replaces the credential once it is accepted. */
    public void changePassword(ChangePassword command) {
        passwordChanges.decide(command);
    }

    /** PWD-3, PWD-5, decided here; answers whether the reset unlocked the account. */
    public boolean resetPassword(ResetPassword command, Instant now) {
        return signIn.decide(command, now);
    }

    /** PWD-6, decided here; the unified slice stores the province account's credential. */
    public void addProvinceAccount(AddProvinceAccount command) {
        provinceAccounts.decide(command);
    }

    /** PWD-6; answers whether anything changed. */
    public boolean chooseUnifiedCredentials(ChooseUnifiedCredentials command) {
        return provinceAccounts.decide(command);
    }

    @EventSourcingHandler
    void on(NaturalPersonRegistered event) {
        this.personId = event.personId();
        this.realNameLevel = event.realNameLevel();
    }

    @EventSourcingHandler
    void on(NaturalPersonMigrated event) {
        this.personId = event.personId();
        this.realNameLevel = event.realNameLevel();
    }

    @EventSourcingHandler
    void on(RealNameLevelRaised event) {
        this.realNameLevel = event.to();
    }

    RealNameLevel realNameLevel() {
        return realNameLevel;
    }
}
