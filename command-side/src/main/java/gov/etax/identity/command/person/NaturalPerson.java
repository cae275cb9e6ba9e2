package gov.etax.identity.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.registration.FaceVerificationRequired;
import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.command.person.registration.OnlineRegistrationAllowed;
import gov.etax.identity.command.person.signin.SignIn;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.commands.RegisterNaturalPerson;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/** One human being, identified by one identity document; every login ends here ("穿透到人"). */
@Aggregate
public class NaturalPerson {

    @AggregateIdentifier
    private PersonId personId;
    private RealNameLevel realNameLevel;

    @AggregateMember
    private final SignIn signIn = new SignIn();

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
        FaceVerificationRequired.check(command.faceVerificationId());
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
                command.faceVerificationId()));
    }

    @EventSourcingHandler
    void on(NaturalPersonRegistered event) {
        this.personId = event.personId();
        this.realNameLevel = event.realNameLevel();
    }

    RealNameLevel realNameLevel() {
        return realNameLevel;
    }
}
