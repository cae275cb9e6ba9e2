package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;

/**
 * PWD-3: the person set a new password through "忘记密码" after proving themselves by an SMS code
 * to a bound phone or by a face scan. Neither the password nor its hash is in the event.
 */
public record PasswordReset(PersonId personId, Method method) {

    public enum Method {
        /** a PASSWORD_RESET code sent to a phone bound to the person */
        SMS,
        /** a passed face scan of the person's document */
        FACE
    }
}
