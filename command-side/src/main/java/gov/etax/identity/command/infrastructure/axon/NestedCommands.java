package gov.etax.identity.command.infrastructure.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;

/**
 * Sends a command from inside another command's handler. The simple command bus runs it at once on
 * this thread in a nested unit of work, whose events are stored with the outer one's when that
 * commits: one transaction for both histories. It goes to the bus, not the gateway: a retry belongs
 * to the outer command as a whole, never to a nested one on another thread.
 */
public final class NestedCommands {

    private NestedCommands() {
    }

    public static void dispatch(CommandBus commandBus, Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}
