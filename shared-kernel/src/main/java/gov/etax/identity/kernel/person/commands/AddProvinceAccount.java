package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A migrated person's document was imported again from another province (PWD-6): the person now
 * also holds that province's account, with its own initial password (PWD-2, already hashed).
 *
 * @param importedBy the tax authority staff member who ran the import
 */
public record AddProvinceAccount(
        @TargetAggregateIdentifier PersonId personId,
        ProvinceCode province,
        PasswordHash initialPasswordHash,
        String importedBy) {
}
