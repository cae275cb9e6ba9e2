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
        BY_PERSON,
        /**
         * Taken back by the person who holds the number now (LOGIN-3, 找回手机号码): they proved it with
         * the code sent to it and their own face scan. The number had been bound without such proof, or
         * has since passed to a new holder.
         */
        RECLAIMED
    }
}
