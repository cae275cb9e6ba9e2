package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.command.authorization.SessionsUnderRelationships;
import gov.etax.identity.command.enterprise.LegalRepresentations;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.EndLegalRepresentation;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Sends {@link EndLegalRepresentation} from inside the enterprise's command handler, nested (see
 * {@link NestedCommands}), and ends the former legal representative's sessions under it in the same
 * transaction.
 */
@Component
public class AxonLegalRepresentations implements LegalRepresentations {

    private final CommandBus commandBus;
    private final SessionsUnderRelationships sessions;

    public AxonLegalRepresentations(CommandBus commandBus, SessionsUnderRelationships sessions) {
        this.commandBus = commandBus;
        this.sessions = sessions;
    }

    @Override
    public void endForSuccessor(AuthorizationId previous, AuthorizationId successor, String changedBy) {
        NestedCommands.dispatch(commandBus, new EndLegalRepresentation(previous, successor, changedBy));
        sessions.endAll(previous);
    }
}
