package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * LOGIN-2: the person no longer holds the phone; anyone may bind it now.
 *
 * @param phone encrypted under the person's data key
 */
public record PhoneUnbound(PersonId personId, EncryptedText phone, Cause cause) {

    public enum Cause {
        /** The person removed it in the account center. */
        BY_PERSON
    }
}
