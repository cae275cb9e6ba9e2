package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends the finance manager authorization of a report the enterprise replaced with a new one
 * (ACC-4), pending or in force. Sent by the enterprise only, in the same transaction as its
 * {@code FinanceManagerReplaced}.
 */
public record EndFinanceManagerReport(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        AuthorizationId successor,
        String reportedBy) {
}
