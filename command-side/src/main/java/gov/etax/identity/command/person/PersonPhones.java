package gov.etax.identity.command.person;

import gov.etax.identity.command.person.signin.SignInReason;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonId;
import java.util.List;

/**
 * The phones a person holds, in clear, for sending them a code when they log in by document or
 * username (LOGIN-3): the command side keeps phones only as keyed hashes and in sealed events.
 */
public interface PersonPhones {

    List<MobilePhone> of(PersonId person);

    /**
     * LOGIN-3: a login by document or username sends its code to the person's one phone. No phone
     * (cleared as shared) or several to choose from is no failed attempt: nothing was guessed.
     */
    default MobilePhone soleLoginPhone(PersonId person) {
        List<MobilePhone> held = of(person);
        if (held.isEmpty()) {
            throw SignInReason.PHONE_EMPTY.refusal().with("wayOut",
                    List.of("SCAN_VERIFICATION", "ACCOUNT_CENTER_PHONE_CHANGE", "PHONE_RECOVERY"));
        }
        if (held.size() > 1) {
            throw SignInReason.SMS_PHONE_CHOICE_REQUIRED.refusal()
                    .with("phonesMasked", held.stream().map(MobilePhone::masked).toList());
        }
        return held.get(0);
    }
}
