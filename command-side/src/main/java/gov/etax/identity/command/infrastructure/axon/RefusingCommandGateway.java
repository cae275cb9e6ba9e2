package gov.etax.identity.command.infrastructure.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;

/**
 * Axon's gateway, retrying conflicts with {@link ConflictRetryScheduler}; once the retries are over, a
 * failure its target aggregate has a refusal for (see {@link TargetRefusals}) reaches the caller as
 * that refusal, so a lost race is a plain 404 or 409 and never a 500.
 */
public class RefusingCommandGateway extends DefaultCommandGateway {

    private final TargetRefusals refusals;

    public RefusingCommandGateway(Builder builder, TargetRefusals refusals) {
        super(builder);
        this.refusals = refusals;
    }

    /** Every way of sending comes here; the callback given to the retrying one hears only the last attempt. */
    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        CommandCallback<C, R> answering = (message, result) -> callback.onResult(message, answered(message, result));
        super.send(command, answering);
    }

    private <R> CommandResultMessage<? extends R> answered(CommandMessage<?> message,
                                                          CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        return refusals.instead(message.getPayloadType(), result.exceptionResult())
                .<CommandResultMessage<? extends R>>map(GenericCommandResultMessage::asCommandResultMessage)
                .orElse(result);
    }
}
