package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.command.authorization.SessionsUnderRelationships;
import gov.etax.identity.command.enterprise.FinanceManagerReports;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.EndFinanceManagerReport;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Sends {@link EndFinanceManagerReport} from inside the enterprise's command handler, nested (see
 * {@link NestedCommands}), and ends the former finance manager's sessions under it in the same
 * transaction.
 */
@Component
public class AxonFinanceManagerReports implements FinanceManagerReports {

    private final CommandBus commandBus;
    private final SessionsUnderRelationships sessions;

    public AxonFinanceManagerReports(CommandBus commandBus, SessionsUnderRelationships sessions) {
        this.commandBus = commandBus;
        this.sessions = sessions;
    }

    @Override
    public void endForNewReport(AuthorizationId previous, AuthorizationId successor, String reportedBy) {
        NestedCommands.dispatch(commandBus, new EndFinanceManagerReport(previous, successor, reportedBy));
        sessions.endAll(previous);
    }
}
