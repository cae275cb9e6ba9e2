package gov.etax.identity.command.enterprise;

import gov.etax.identity.kernel.authorization.AuthorizationId;

/**
 * Ends the finance manager authorization of a report the enterprise replaced (ACC-4). The adapter
 * hands the authorization its command inside the enterprise's unit of work, so both histories
 * commit together, and ends the sessions opened under it.
 */
public interface FinanceManagerReports {

    void endForNewReport(AuthorizationId previous, AuthorizationId successor, String reportedBy);
}
