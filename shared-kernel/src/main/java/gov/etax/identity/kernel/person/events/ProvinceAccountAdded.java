package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;

/**
 * PWD-6: a migrated person's document was imported from another province; the person now holds
 * that province's account too, with its own initial password (PWD-2, not in the event).
 *
 * @param importedBy the tax authority staff member who ran the import
 */
public record ProvinceAccountAdded(PersonId personId, ProvinceCode province, String importedBy) {
}
