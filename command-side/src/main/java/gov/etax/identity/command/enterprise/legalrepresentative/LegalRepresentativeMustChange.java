package gov.etax.identity.command.enterprise.legalrepresentative;

import gov.etax.identity.command.authorization.AuthorizationClaims;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentNumber;

/** ACC-1: a change of legal representative names someone other than the one bound now. */
public final class LegalRepresentativeMustChange {

    private LegalRepresentativeMustChange() {
    }

    public static void check(AuthorizationClaims claims, Uscc uscc, DocumentNumber newLegalRepresentative) {
        if (claims.isClaimed(uscc, RelationshipRole.LEGAL_REPRESENTATIVE, newLegalRepresentative)) {
            throw EnterpriseReason.SAME_LEGAL_REPRESENTATIVE.refusal();
        }
    }
}
