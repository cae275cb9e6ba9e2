package gov.etax.identity.command.person.realname;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.person.commands.RaiseRealNameLevel;
import gov.etax.identity.kernel.person.events.NaturalPersonMigrated;
import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.kernel.person.events.RealNameLevelRaised;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A person's real-name level (REG-2, REG-5): 4 after registration with a face scan, 3 for migrated
 * persons who never passed one, raised to 4 by a face scan of their own document. Part of the
 * {@code NaturalPerson} aggregate.
 */
public class RealNameVerification {

    private RealNameLevel level;

    /**
     * Level 4 is the highest: asking again is answered {@code false} and recorded nowhere, so a
     * repeated request (a retry, a second click) is harmless.
     */
    @CommandHandler
    public boolean handle(RaiseRealNameLevel command) {
        if (command.faceVerificationId() == null || command.faceVerificationId().isBlank()) {
            throw RealNameReason.REAL_NAME_FACE_VERIFICATION_REQUIRED.refusal();
        }
        if (level == RealNameLevel.LEVEL_4) {
            return false;
        }
        apply(new RealNameLevelRaised(command.personId(), level, RealNameLevel.LEVEL_4, command.faceVerificationId()));
        return true;
    }

    @EventSourcingHandler
    void on(NaturalPersonRegistered event) {
        level = event.realNameLevel();
    }

    @EventSourcingHandler
    void on(NaturalPersonMigrated event) {
        level = event.realNameLevel();
    }

    @EventSourcingHandler
    void on(RealNameLevelRaised event) {
        level = event.to();
    }
}
