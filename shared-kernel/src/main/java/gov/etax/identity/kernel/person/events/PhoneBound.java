package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * LOGIN-2, LOGIN-3: the person holds one more phone and may log in with it.
 *
 * @param phone              encrypted under the person's data key
 * @param how                which way it was bound
 * @param faceVerificationId the face scan that proved the person, for {@link How#PHONE_RECOVERY}; else null
 */
public record PhoneBound(PersonId personId, EncryptedText phone, How how, String faceVerificationId) {

    public enum How {
        /** 【手机号码修改】: a logged-in person added it with an SMS code sent to it. */
        ACCOUNT_CENTER,
        /** 【找回手机号码】: a person without a phone added it with an SMS code and a face scan. */
        PHONE_RECOVERY
    }
}
