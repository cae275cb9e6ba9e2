package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * A natural person registered online (REG-2). Every personal value is encrypted under the
 * person's data key; the document type and the face-verification reference are not personal.
 *
 * @param username encrypted, null when none was chosen
 */
public record NaturalPersonRegistered(
        PersonId personId,
        DocumentType documentType,
        EncryptedText documentNumber,
        EncryptedText name,
        EncryptedText phone,
        EncryptedText username,
        RealNameLevel realNameLevel,
        String faceVerificationId) {
}
