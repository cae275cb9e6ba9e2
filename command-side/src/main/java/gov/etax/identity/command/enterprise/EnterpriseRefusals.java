package gov.etax.identity.command.enterprise;

import gov.etax.identity.command.authorization.AuthorizationReason;

import gov.etax.identity.command.infrastructure.axon.AggregateRefusals;
import gov.etax.identity.kernel.enterprise.commands.ChangeLegalRepresentative;
import gov.etax.identity.kernel.enterprise.commands.ReportNewFinanceManager;
import gov.etax.identity.kernel.refusal.Reason;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An unknown enterprise is a 404. Two entries of a new legal representative or finance manager
 * racing each other most likely name the same person: the one that keeps losing hears so.
 */
@Component
public class EnterpriseRefusals implements AggregateRefusals {

    @Override
    public Class<?> aggregateType() {
        return Enterprise.class;
    }

    @Override
    public Reason notFound() {
        return AuthorizationReason.ENTERPRISE_NOT_FOUND;
    }

    @Override
    public Optional<Reason> conflicting(Class<?> commandType) {
        if (commandType == ChangeLegalRepresentative.class) {
            return Optional.of(EnterpriseReason.SAME_LEGAL_REPRESENTATIVE);
        }
        if (commandType == ReportNewFinanceManager.class) {
            return Optional.of(EnterpriseReason.SAME_FINANCE_MANAGER);
        }
        return Optional.empty();
    }
}
