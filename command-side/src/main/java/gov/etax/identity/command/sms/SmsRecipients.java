package gov.etax.identity.command.sms;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Optional;

/** Who may receive a code, as the person module knows it (LOGIN-2, LOGIN-3, REG-4). */
public interface SmsRecipients {

    /** LOGIN-2: a person holds the phone. */
    boolean isBound(MobilePhone phone);

    /**
     * LOGIN-3: a login by document sends its code to the one phone of the person holding it.
     *
     * @throws gov.etax.identity.kernel.refusal.Refusal when nobody registered the document, or the
     *                                                  person holds no phone or several
     */
    MobilePhone soleLoginPhone(DocumentNumber document);

    /**
     * REG-4: the real-name information collected at a tax service hall for the document under that
     * name, as the caller a registration code is counted against; empty when there is none.
     */
    Optional<String> hallCollection(DocumentNumber document, PersonName name);
}
