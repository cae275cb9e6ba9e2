package gov.etax.identity.command.person;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import java.util.List;
import java.util.Optional;

/** Finds the person an account identifier belongs to (the claims of {@link IdentityClaims}). */
public interface PersonDirectory {

    Optional<PersonId> withDocument(DocumentNumber document);

    Optional<PersonId> withPhone(MobilePhone phone);

    Optional<PersonId> withUsername(Username username);

    /** How many phones the person holds now (LOGIN-2); an early answer, the aggregate decides. */
    int phoneCountOf(PersonId personId);

    /** The keyed hashes (LookupHash) of the phones bound to the person, for matching without clear text. */
    List<String> phoneHashesOf(PersonId personId);
}
