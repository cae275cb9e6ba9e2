package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * The finance manager reported to the tax authority has a pending authorization, to be confirmed
 * and never rejected (ACC-4). Document number and name are encrypted under the authorization's key.
 *
 * @param holderPersonId the registered person with that document, null if not registered yet
 * @param reportedBy     the tax authority staff member who entered the data
 */
public record FinanceManagerReported(
        AuthorizationId authorizationId,
        EnterpriseId enterpriseId,
        Uscc uscc,
        PersonId holderPersonId,
        DocumentType holderDocumentType,
        EncryptedText holderDocumentNumber,
        EncryptedText holderName,
        String reportedBy) {
}
