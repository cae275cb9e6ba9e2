package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.EndingSide;
import gov.etax.identity.kernel.enterprise.Uscc;

/**
 * A relationship in force was ended (ACC-6, ACC-7), or a legal representative's binding ended
 * because the enterprise's data name a new one (reason LEGAL_REPRESENTATIVE_CHANGED), or a finance
 * manager's authorization, pending or in force, because the enterprise reported a new finance
 * manager (reason REPLACED_BY_NEW_REPORT).
 *
 * @param revokedBy  a person id (ENTERPRISE, AGENCY, PERSON sides) or the staff member (TAX_AUTHORITY)
 * @param revokedFor the enterprise the person acted for (ENTERPRISE, AGENCY sides), else null
 */
public record RelationshipRevoked(
        AuthorizationId authorizationId,
        EndingSide side,
        String revokedBy,
        Uscc revokedFor,
        EndReason reason) {
}
