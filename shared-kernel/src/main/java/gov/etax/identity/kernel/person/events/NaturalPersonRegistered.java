package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameEvidence;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * A natural person registered online (REG-2). Every personal value is encrypted under the
 * person's data key; the document type and the face-verification reference are not personal.
 *
 * @param username encrypted, null when none was chosen
 * @param faceVerificationId the face scan's reference when {@code verifiedBy} is FACE_SCAN, else null
 * @param verifiedBy what the real-name verification rests on; events written before it was recorded
 *                   all rest on a face scan
 * @param offlineCollectionId the hall collection's id when {@code verifiedBy} is HALL_COLLECTION
 *                            (null for a collection recorded before collections had ids)
 */
public record NaturalPersonRegistered(
        PersonId personId,
        DocumentType documentType,
        EncryptedText documentNumber,
        EncryptedText name,
        EncryptedText phone,
        EncryptedText username,
        RealNameLevel realNameLevel,
        String faceVerificationId,
        RealNameEvidence verifiedBy,
        String offlineCollectionId) {

    public NaturalPersonRegistered {
        if (verifiedBy == null) {
            verifiedBy = RealNameEvidence.FACE_SCAN;
        }
    }

    /** A registration resting on a face scan. */
    public NaturalPersonRegistered(PersonId personId, DocumentType documentType, EncryptedText documentNumber,
                                   EncryptedText name, EncryptedText phone, EncryptedText username,
                                   RealNameLevel realNameLevel, String faceVerificationId) {
        this(personId, documentType, documentNumber, name, phone, username, realNameLevel, faceVerificationId,
                RealNameEvidence.FACE_SCAN, null);
    }
}
