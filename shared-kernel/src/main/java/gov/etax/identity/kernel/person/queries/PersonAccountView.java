package gov.etax.identity.kernel.person.queries;

import java.time.Instant;
import java.util.List;

/** What the account center shows: identifiers masked, never in full. */
public record PersonAccountView(
        String personId,
        String documentType,
        String documentNumberMasked,
        String name,
        List<String> phonesMasked,
        String username,
        int realNameLevel,
        Instant registeredAt) {
}
