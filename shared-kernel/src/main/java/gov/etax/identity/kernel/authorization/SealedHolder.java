package gov.etax.identity.kernel.authorization;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.Objects;

/**
 * The holder of an authorization as a command carries it: the identity document (and, for a person
 * reported by the tax authority, the name) already sealed under the authorization's own data key,
 * the document's lookup hash, and the person registered with that document when it was sealed. The
 * aggregate then neither opens, seals nor hashes personal data.
 *
 * @param name         null for tax staff and tax agents, who are named by document only
 * @param registeredAs null when nobody had registered with the document (ACC-3, ACC-4)
 */
public record SealedHolder(DocumentType documentType, EncryptedText documentNumber, EncryptedText name,
                           String documentHash, PersonId registeredAs) {

    public SealedHolder {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(documentHash, "documentHash");
    }
}
