package gov.etax.identity.command.person.username;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.privacy.PersonalDataVault;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.commands.ChangeUsername;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import gov.etax.identity.kernel.refusal.CommonReason;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A person's username (LOGIN-7): whether they have one and when they last changed it. Part of the
 * {@code NaturalPerson} aggregate. The value itself is only in events (encrypted) and, as a keyed
 * hash, in {@code identity_claim}; the old username's claim is released in the transaction of the
 * change.
 */
public class PersonUsername {

    private boolean held;
    private Instant lastChangedAt;

    @CommandHandler
    public boolean handle(ChangeUsername command, IdentityClaims claims, PersonalDataVault vault, Clock clock) {
        if (command.username() == null) {
            throw CommonReason.INVALID_USERNAME.refusal("The username is missing.");
        }
        UsernameChangeLimit.check(held ? lastChangedAt : null, clock.instant());
        PersonId person = command.personId();
        if (!claims.claimUsername(person, command.username())) {
            return false;
        }
        claims.releaseUsernamesOtherThan(person, command.username());
        apply(new UsernameChanged(person, vault.sealerFor(person).seal(command.username().value()), held));
        return true;
    }

    @EventSourcingHandler
    void on(NaturalPersonRegistered event) {
        held = event.username() != null;
        lastChangedAt = null;
    }

    /** A migrated person brings no username; their first one is a setting, not a change. */
    @EventSourcingHandler
    void on(NaturalPersonMigrated event) {
        held = false;
        lastChangedAt = null;
    }

    @EventSourcingHandler
    void on(UsernameChanged event, @Timestamp Instant at) {
        if (event.replacedPrevious()) {
            lastChangedAt = at;
        }
        held = true;
    }
}
