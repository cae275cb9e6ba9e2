package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.axon.NestedCommands;
import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.commands.EndSession;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * ACC-2: a revoked, replaced or expired relationship ends the sessions acting under it. Runs in the
 * transaction of the command that ended the relationship (a subscribing processor), so a token of
 * such a session is refused as soon as that command returns; each person records its SessionEnded
 * in a command nested on this thread (the bus, not the gateway: a retry belongs to the command that
 * ended the relationship), in the same transaction. A session already ended records nothing.
 */
@Component
public class SessionsUnderEndedRelationships {

    private final SessionStore sessions;
    private final CommandBus commandBus;
    private final Clock clock;

    public SessionsUnderEndedRelationships(SessionStore sessions, CommandBus commandBus, Clock clock) {
        this.sessions = sessions;
        this.commandBus = commandBus;
        this.clock = clock;
    }

    @EventHandler
    void on(RelationshipRevoked event) {
        endAll(event.authorizationId());
    }

    @EventHandler
    void on(AuthorizationExpired event) {
        endAll(event.authorizationId());
    }

    private void endAll(AuthorizationId ended) {
        for (PersonSession session : sessions.openUnder(ended, clock.instant())) {
            NestedCommands.dispatch(commandBus, new EndSession(session.personId(), session.sessionId(),
                    SessionEndReason.RELATIONSHIP_ENDED, ended));
        }
    }
}
