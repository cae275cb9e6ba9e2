package gov.etax.identity.command.specialsubject;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Optional;

/** A person's own name, opened from their history; empty when they were forgotten. */
public interface PersonNames {

    Optional<PersonName> nameOf(PersonId person);
}
