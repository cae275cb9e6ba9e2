package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.LocalDate;
import java.util.Set;

/**
 * A registered person was nominated as tax officer or invoicing officer (ACC-1, ACC-2, ACC-5): a
 * pending authorization. The nominee's document number is encrypted under the authorization's key.
 *
 * @param taxOfficerIdentity MAIN or SUB for tax officers, null for invoicing officers
 * @param validUntil         the last day the relationship works (有效期止), China Standard Time
 * @param nominatedBy        the legal representative or finance manager who nominated
 * @param nominatedAs        in which of those two roles
 */
public record StaffNominated(
        AuthorizationId authorizationId,
        EnterpriseId enterpriseId,
        Uscc uscc,
        RelationshipRole role,
        TaxOfficerIdentity taxOfficerIdentity,
        Set<FunctionSet> scopes,
        LocalDate validUntil,
        PersonId holderPersonId,
        DocumentType holderDocumentType,
        EncryptedText holderDocumentNumber,
        PersonId nominatedBy,
        RelationshipRole nominatedAs) {
}
