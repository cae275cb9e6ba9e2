package gov.etax.identity.command.person.migration;

import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * LOGIN-3: a phone number the migrated data shows on several persons is bound to none of them.
 * A person listed twice (the same document in two rows, e.g. from two provinces) is one person.
 */
public final class SharedPhones {

    private SharedPhones() {
    }

    public record Listed(DocumentNumber document, Collection<MobilePhone> phones) {
    }

    /** The phones listed for more than one document. */
    public static Set<MobilePhone> among(Collection<Listed> listings) {
        Map<MobilePhone, Set<DocumentNumber>> holders = new HashMap<>();
        for (Listed listed : listings) {
            for (MobilePhone phone : listed.phones()) {
                holders.computeIfAbsent(phone, p -> new HashSet<>()).add(listed.document());
            }
        }
        Set<MobilePhone> shared = new HashSet<>();
        holders.forEach((phone, documents) -> {
            if (documents.size() > 1) {
                shared.add(phone);
            }
        });
        return shared;
    }
}
