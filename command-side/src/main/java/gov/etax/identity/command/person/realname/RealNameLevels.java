package gov.etax.identity.command.person.realname;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.RealNameLevel;

/** A person's real-name level now (REG-5), for a risk matter to decide whether to ask for a face scan. */
public interface RealNameLevels {

    RealNameLevel of(PersonId person);
}
