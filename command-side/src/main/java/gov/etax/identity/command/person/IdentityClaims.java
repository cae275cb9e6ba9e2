package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.PersonId;
import java.util.Optional;
import java.util.Set;

/**
 * Who holds a document (REG-2), a phone (LOGIN-2) or a username (LOGIN-7), by lookup hash
 * (privacy.LookupHash): each belongs to at most one person, across every command-side node. Read
 * before deciding; the table follows the person events ({@link JdbcIdentityClaims}) and its unique
 * key refuses a claim that lost a race.
 */
public interface IdentityClaims {

    enum Kind { DOCUMENT, PHONE, USERNAME }

    /** Which of a new person's identifiers somebody holds already, in one round trip; {@code usernameHash} may be null. */
    Set<Kind> taken(String documentHash, String phoneHash, String usernameHash);

    Optional<PersonId> documentHolder(String documentHash);

    Optional<PersonId> phoneHolder(String phoneHash);

    Optional<PersonId> usernameHolder(String usernameHash);
}
