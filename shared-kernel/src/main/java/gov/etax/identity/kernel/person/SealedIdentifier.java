package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.Objects;

/**
 * An account identifier (document number, phone, username) as a command carries it: sealed under
 * its person's data key, with its lookup hash. The aggregate then neither seals nor hashes; it asks
 * who holds the hash and puts the sealed value into its event.
 */
public record SealedIdentifier(EncryptedText sealed, String lookupHash) {

    public SealedIdentifier {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(lookupHash, "lookupHash");
    }
}
