package gov.etax.identity.command.enterprise;

import gov.etax.identity.command.authorization.SessionsUnderRelationships;
import gov.etax.identity.command.infrastructure.axon.NestedCommands;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.EndFinanceManagerReport;
import gov.etax.identity.kernel.authorization.commands.EndLegalRepresentation;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Sends {@link EndLegalRepresentation} or {@link EndFinanceManagerReport} from inside the
 * enterprise's command handler, nested (see {@link NestedCommands}), and ends the former legal
 * representative's or finance manager's sessions under it in the same transaction.
 */
@Component
public class AxonLegalRepresentations implements LegalRepresentations, FinanceManagerReports {

    private final CommandBus commandBus;
    private final SessionsUnderRelationships sessions;

    public AxonLegalRepresentations(CommandBus commandBus, SessionsUnderRelationships sessions) {
        this.commandBus = commandBus;
        this.sessions = sessions;
    }

    @Override
    public void endForSuccessor(AuthorizationId previous, AuthorizationId successor, String changedBy) {
        endNested(new EndLegalRepresentation(previous, successor, changedBy), previous);
    }

    @Override
    public void endForNewReport(AuthorizationId previous, AuthorizationId successor, String reportedBy) {
        endNested(new EndFinanceManagerReport(previous, successor, reportedBy), previous);
    }

    private void endNested(Object command, AuthorizationId ended) {
        NestedCommands.dispatch(commandBus, command);
        sessions.endAll(ended);
    }
}
