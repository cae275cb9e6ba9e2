package gov.etax.identity.command.person.registration;

import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.util.Optional;

/**
 * Registration requests already answered or under way (table {@code registration_request}), so that
 * a repeat answers with the first one's person. Keys and bodies are kept as keyed hashes only: the
 * body holds the password. Each call commits on its own, outside any command's transaction.
 */
public interface RegistrationRequests {

    /**
     * Claims {@code requestKey} for {@code personId} unless a live claim exists; an expired claim
     * on the key does not count.
     *
     * @return empty when claimed, else the earlier claim
     */
    Optional<Earlier> claim(String requestKey, String body, PersonId personId, Instant now, Instant expiresAt);

    /** The claim's registration succeeded: repeats get its person. */
    void complete(String requestKey);

    /** The claim's registration was refused or failed: a repeat registers afresh. */
    void release(String requestKey);

    /** The live claim on {@code requestKey}, if any. */
    Optional<Earlier> find(String requestKey, String body);

    /** @param sameBody the earlier request had the same body */
    record Earlier(PersonId personId, boolean sameBody, boolean completed) {
    }
}
