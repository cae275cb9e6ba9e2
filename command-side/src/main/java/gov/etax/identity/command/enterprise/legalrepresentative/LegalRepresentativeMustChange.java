package gov.etax.identity.command.enterprise.legalrepresentative;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;

/** ACC-1: a change of legal representative names someone other than the one bound now. */
public final class LegalRepresentativeMustChange {

    private LegalRepresentativeMustChange() {
    }

    /** @param newLegalRepresentativeHash the lookup hash of the document the new report names */
    public static void check(AuthorizationFacts facts, Uscc uscc, String newLegalRepresentativeHash) {
        if (facts.isClaimed(uscc, RelationshipRole.LEGAL_REPRESENTATIVE, newLegalRepresentativeHash)) {
            throw EnterpriseReason.SAME_LEGAL_REPRESENTATIVE.refusal();
        }
    }
}
