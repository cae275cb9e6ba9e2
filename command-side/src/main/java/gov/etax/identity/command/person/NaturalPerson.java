package gov.etax.identity.command.person;

import gov.etax.identity.command.privacy.PersonalDataVault;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.history.HistoryRecords;
import gov.etax.identity.command.person.phones.BoundPhones;
import gov.etax.identity.command.person.realname.RealNameVerification;
import gov.etax.identity.command.person.password.PasswordChanges;
import gov.etax.identity.command.person.registration.FaceVerificationRequired;
import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.command.person.registration.OnlineRegistrationAllowed;
import gov.etax.identity.command.person.signin.SignIn;
import gov.etax.identity.command.person.unified.ProvinceAccounts;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.command.person.username.PersonUsername;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.commands.MigrateNaturalPerson;
import gov.etax.identity.kernel.person.commands.RegisterNaturalPerson;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.ArrayList;
import java.util.List;
import gov.etax.identity.kernel.person.events.RealNameLevelRaised;
import org.axonframework.commandhandling.CommandHandler;
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
     * Registration (REG-2). The ports take part in the command's transaction: the claims and the
     * credential roll back with the event if anything fails.
     */
    @CommandHandler
    public NaturalPerson(RegisterNaturalPerson command,
                         OfflineCollections offlineCollections,
                         IdentityClaims identityClaims,
                         CredentialStore credentialStore,
                         PersonalDataVault personalDataVault) {
        OnlineRegistrationAllowed.check(command.document(), offlineCollections);
        FaceVerificationRequired.check(command.verifiedBy(), command.faceVerificationId());
        identityClaims.claim(command.personId(), command.document(), command.phone(), command.username());
        credentialStore.store(command.personId(), command.passwordHash());

        PersonalDataVault.Sealer sealer = personalDataVault.sealerFor(command.personId());
        apply(new NaturalPersonRegistered(
                command.personId(),
                command.document().type(),
                sealer.seal(command.document().value()),
                sealer.seal(command.name().value()),
                sealer.seal(command.phone().value()),
                command.username() == null ? null : sealer.seal(command.username().value()),
                RealNameLevel.LEVEL_4,
                command.faceVerificationId(),
                command.verifiedBy(),
                command.offlineCollectionId()));
    }

    /**
     * A person from a province's existing data (REG-5): real-name level 3, an initial password that
     * must be changed (PWD-2) or none at all (PWD-4), and only the phones nobody else holds
     * (LOGIN-2, LOGIN-3).
     */
    @CommandHandler
    public NaturalPerson(MigrateNaturalPerson command,
                         IdentityClaims identityClaims,
                         CredentialStore credentialStore,
                         PersonalDataVault personalDataVault) {
        identityClaims.claimDocument(command.personId(), command.document());
        PersonalDataVault.Sealer sealer = personalDataVault.sealerFor(command.personId());
        List<EncryptedText> bound = new ArrayList<>();
        for (MobilePhone phone : command.phones()) {
            if (identityClaims.claimPhoneIfFree(command.personId(), phone)) {
                bound.add(sealer.seal(phone.value()));
            }
        }
        boolean withoutPassword = command.initialPasswordHash() == null;
        if (!withoutPassword) {
            credentialStore.storeProvince(command.personId(), command.province(), command.initialPasswordHash(), true);
        }

        apply(new NaturalPersonMigrated(
                command.personId(),
                command.province(),
                command.document().type(),
                sealer.seal(command.document().value()),
                sealer.seal(command.name().value()),
                bound,
                command.phonesClearedAsShared(),
                command.phones().size() - bound.size(),
                RealNameLevel.LEVEL_3,
                command.importedBy(),
                withoutPassword));
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
