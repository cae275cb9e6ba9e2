package gov.etax.identity.command.enterprise.legalrepresentative;

import gov.etax.identity.command.enterprise.Enterprise;
import gov.etax.identity.command.infrastructure.axon.NestedCommands;
import gov.etax.identity.kernel.authorization.commands.EndLegalRepresentation;
import gov.etax.identity.kernel.enterprise.events.LegalRepresentativeChanged;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * ACC-1: when the enterprise names a new legal representative, the old binding ends. Subscribing,
 * so the authorization's command runs nested in the enterprise's transaction: both histories commit
 * together, and a refusal of either rolls both back.
 */
@Component
@ProcessingGroup(Enterprise.SUCCESSIONS)
public class AxonSucceededLegalRepresentations {

    private final CommandBus commandBus;

    public AxonSucceededLegalRepresentations(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @EventHandler
    void on(LegalRepresentativeChanged event) {
        NestedCommands.dispatch(commandBus, new EndLegalRepresentation(event.previousAuthorizationId(),
                event.newAuthorizationId(), event.changedBy()));
    }
}
