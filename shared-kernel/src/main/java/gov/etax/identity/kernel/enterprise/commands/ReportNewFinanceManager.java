package gov.etax.identity.kernel.enterprise.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The enterprise reports a new finance manager to the tax authority (ACC-4), entered by tax
 * authority staff: the previous finance manager's authorization ends and the new person gets a
 * pending, confirm-only one.
 */
public record ReportNewFinanceManager(
        @TargetAggregateIdentifier EnterpriseId enterpriseId,
        SealedHolder newFinanceManager,
        AuthorizationId newAuthorizationId,
        String reportedBy) {
}
