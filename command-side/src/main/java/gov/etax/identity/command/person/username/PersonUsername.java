package gov.etax.identity.command.person.username;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.commands.ChangeUsername;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.UsernameChanged;
import gov.etax.identity.kernel.refusal.CommonReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A person's username (LOGIN-7): whether they have one and when they last changed it. Part of the
 * {@code NaturalPerson} aggregate. The value itself is only in events (encrypted) and, as a keyed
 * hash, in {@code identity_claim}, which follows the change in its transaction (the old
 * username's claim is released there).
 */
public class PersonUsername {

    private boolean held;
    private Instant lastChangedAt;

    @CommandHandler
    public boolean handle(ChangeUsername command, IdentityClaims claims, Clock clock) {
        if (command.username() == null) {
            throw CommonReason.INVALID_USERNAME.refusal("The username is missing.");
        }
        UsernameChangeLimit.check(held ? lastChangedAt : null, clock.instant());
        PersonId person = command.personId();
        Optional<PersonId> holder = claims.usernameHolder(command.username().lookupHash());
        if (holder.filter(person::equals).isPresent()) {
            return false;
        }
        if (holder.isPresent()) {
            throw PersonReason.USERNAME_TAKEN.refusal();
        }
        apply(new UsernameChanged(person, command.username().sealed(), held));
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
