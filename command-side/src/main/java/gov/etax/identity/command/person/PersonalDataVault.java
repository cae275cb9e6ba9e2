package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/** Encrypts personal data under the person's own data key before it enters an event. */
public interface PersonalDataVault {

    /** Creates the person's data key on first use. */
    Sealer sealerFor(PersonId personId);

    @FunctionalInterface
    interface Sealer {
        EncryptedText seal(String plaintext);
    }
}
