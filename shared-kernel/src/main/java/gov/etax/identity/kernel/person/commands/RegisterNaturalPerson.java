package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameEvidence;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.privacy.EncryptedText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a natural person (REG-2). The face scan (or the hall's real-name collection standing in
 * for it, REG-4) and the public-security identity check have already passed outside the transaction;
 * {@code faceVerificationId} or {@code offlineCollectionId} is the evidence. The personal data is
 * already sealed under the person's data key.
 *
 * @param username optional (LOGIN-7), may be null
 */
public record RegisterNaturalPerson(
        @TargetAggregateIdentifier PersonId personId,
        DocumentType documentType,
        SealedIdentifier document,
        EncryptedText name,
        SealedIdentifier phone,
        SealedIdentifier username,
        PasswordHash passwordHash,
        String faceVerificationId,
        RealNameEvidence verifiedBy,
        String offlineCollectionId) {

    /** A registration resting on a face scan. */
    public RegisterNaturalPerson(PersonId personId, DocumentType documentType, SealedIdentifier document,
                                 EncryptedText name, SealedIdentifier phone, SealedIdentifier username,
                                 PasswordHash passwordHash, String faceVerificationId) {
        this(personId, documentType, document, name, phone, username, passwordHash, faceVerificationId,
                RealNameEvidence.FACE_SCAN, null);
    }
}
