package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;

/** Password hashes, kept outside the event store: an immutable log must never hold a secret. */
public interface CredentialStore {

    void store(PersonId personId, PasswordHash hash);
}
