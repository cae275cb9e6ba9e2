package gov.etax.identity.command.enterprise.financemanager;

import gov.etax.identity.command.enterprise.Enterprise;
import gov.etax.identity.command.infrastructure.axon.NestedCommands;
import gov.etax.identity.kernel.authorization.commands.EndFinanceManagerReport;
import gov.etax.identity.kernel.enterprise.events.FinanceManagerReplaced;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * ACC-4: a new report of the finance manager ends the previous report's authorization, pending or
 * in force, nested in the enterprise's transaction like the end of a succeeded legal representative.
 */
@Component
@ProcessingGroup(Enterprise.SUCCESSIONS)
public class AxonReplacedFinanceManagerReports {

    private final CommandBus commandBus;

    public AxonReplacedFinanceManagerReports(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @EventHandler
    void on(FinanceManagerReplaced event) {
        if (event.previousAuthorizationId() != null) {
            NestedCommands.dispatch(commandBus, new EndFinanceManagerReport(event.previousAuthorizationId(),
                    event.newAuthorizationId(), event.reportedBy()));
        }
    }
}
