package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.command.enterprise.LegalRepresentations;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.EndLegalRepresentation;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.springframework.stereotype.Component;

/**
 * Sends {@link EndLegalRepresentation} from inside the enterprise's command handler. The simple
 * command bus runs it at once on this thread in a nested unit of work, whose events are stored
 * with the enterprise's when the outer unit of work commits: one transaction for both histories.
 * It goes to the bus, not the gateway: a retry belongs to the outer command as a whole, never to
 * a nested one on another thread.
 */
@Component
public class AxonLegalRepresentations implements LegalRepresentations {

    private final CommandBus commandBus;

    public AxonLegalRepresentations(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void endForSuccessor(AuthorizationId previous, AuthorizationId successor, String changedBy) {
        FutureCallback<EndLegalRepresentation, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(new EndLegalRepresentation(previous, successor, changedBy)),
                callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}
