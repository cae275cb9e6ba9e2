package gov.etax.identity.command.enterprise;

import gov.etax.identity.kernel.authorization.AuthorizationId;

/**
 * Ends the binding of a legal representative who was succeeded (ACC-1). The adapter hands the
 * authorization its command inside the enterprise's unit of work, so both histories commit together.
 */
public interface LegalRepresentations {

    void endForSuccessor(AuthorizationId previous, AuthorizationId successor, String changedBy);
}
