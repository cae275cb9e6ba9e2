package gov.etax.identity.kernel.privacy;

import java.util.Objects;

/**
 * Personal data as it sits in an event: AES-GCM ciphertext under the data key of the person it
 * belongs to, Base64 of {@code iv || ciphertext || tag}. Deleting that key makes it unreadable
 * for good, which is how the immutable log forgets a person.
 */
public record EncryptedText(String ciphertext) {
    public EncryptedText {
        Objects.requireNonNull(ciphertext, "ciphertext");
    }
}
