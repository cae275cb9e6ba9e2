package gov.etax.identity.command.verification;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.PersonName;

/** The public-security identity check: do document type, number and name belong together (REG-2)? */
public interface IdentityRegister {

    boolean matches(DocumentNumber document, PersonName name);
}
