package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * LOGIN-7: the person's username is now this one; any previous username is free again.
 *
 * @param username         encrypted under the person's data key
 * @param replacedPrevious true for a change (counts toward "at most once a year"), false when the
 *                         person had no username before (setting the first one is not a change)
 */
public record UsernameChanged(PersonId personId, EncryptedText username, boolean replacedPrevious) {
}
