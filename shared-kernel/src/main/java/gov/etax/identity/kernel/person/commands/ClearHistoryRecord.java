package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ACC-10: hide one record from the person's own history information (历史管理信息). Nothing is
 * deleted; the clearing is itself recorded.
 *
 * @param recordId the identifier of the event that made the record (a UUID), as {@code GET /api/me/history} shows it
 */
public record ClearHistoryRecord(@TargetAggregateIdentifier PersonId personId, String recordId) {
    public ClearHistoryRecord {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(recordId, "recordId");
    }
}
