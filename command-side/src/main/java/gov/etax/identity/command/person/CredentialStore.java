package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import java.util.Optional;

/** Password hashes, kept outside the event store: an immutable log must never hold a secret. */
public interface CredentialStore {

    void store(PersonId personId, PasswordHash hash);

    Optional<StoredCredential> find(PersonId personId);

    /** @param mustChange the password is still an initial one the person has to replace (PWD-2) */
    record StoredCredential(PasswordHash hash, boolean mustChange) {
    }
}
