package gov.etax.identity.kernel.authorization.events;

import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.time.LocalDate;
import java.util.Set;

/**
 * One side of a tax agency asked that a person of the agency act as tax agent personnel for the
 * client (role TAX_AGENT in the client, uscc = client). Pending until the other side confirms.
 * The agent's document number is encrypted under the authorization's key.
 *
 * @param initiatedBy which side asked; the other side confirms
 * @param requestedBy the legal representative or finance manager of the initiating side
 */
public record TaxAgencyRequested(
        AuthorizationId authorizationId,
        EnterpriseId clientEnterpriseId,
        Uscc clientUscc,
        EnterpriseId agencyEnterpriseId,
        Uscc agencyUscc,
        Set<FunctionSet> scopes,
        LocalDate validUntil,
        PersonId holderPersonId,
        DocumentType holderDocumentType,
        EncryptedText holderDocumentNumber,
        AgencySide initiatedBy,
        PersonId requestedBy,
        RelationshipRole requestedAs) {
}
