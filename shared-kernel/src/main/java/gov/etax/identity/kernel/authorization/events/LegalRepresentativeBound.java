package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * The legal representative is bound to the enterprise, in force at once (ACC-3), whether or not
 * that person has registered yet. Document number and name are encrypted under the
 * authorization's data key (subject = authorization id).
 *
 * @param holderPersonId the registered person with that document, null if not registered yet
 * @param boundBy        the tax authority staff member who entered the data
 */
public record LegalRepresentativeBound(
        AuthorizationId authorizationId,
        EnterpriseId enterpriseId,
        Uscc uscc,
        PersonId holderPersonId,
        DocumentType holderDocumentType,
        EncryptedText holderDocumentNumber,
        EncryptedText holderName,
        LegalRepresentativeSource source,
        String boundBy) {
}
