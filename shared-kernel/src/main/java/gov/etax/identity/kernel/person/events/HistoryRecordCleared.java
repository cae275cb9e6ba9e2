package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;

/**
 * ACC-10: the person hid one record from their own history information. The record itself (the
 * event {@code recordId} identifies) stays in the event store and in the auditors' view.
 *
 * @param recordId the identifier of the event that made the record
 */
public record HistoryRecordCleared(PersonId personId, String recordId) {
}
