package gov.etax.identity.command.privacy;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.Optional;

/** Encrypts personal data under the person's own data key before it enters an event. */
public interface PersonalDataVault {

    /** Creates the person's data key on first use. */
    default Sealer sealerFor(PersonId personId) {
        return sealerFor(personId.value());
    }

    /**
     * Creates the subject's data key on first use. A subject is a person, or an aggregate whose
     * events hold someone's personal data under a key of their own (an authorization's holder).
     */
    Sealer sealerFor(String subjectId);

    /**
     * Like {@link #sealerFor(String)} for a subject expected to have no key yet (an id just
     * generated): the key is inserted without a look-up first, and read only if one already exists.
     */
    default Sealer sealerForNew(String subjectId) {
        return sealerFor(subjectId);
    }

    /** Opens what was sealed for the subject; empty once the subject's key was deleted (forgotten). */
    Optional<Opener> openerFor(String subjectId);

    @FunctionalInterface
    interface Sealer {
        EncryptedText seal(String plaintext);
    }

    @FunctionalInterface
    interface Opener {
        String open(EncryptedText text);
    }
}
