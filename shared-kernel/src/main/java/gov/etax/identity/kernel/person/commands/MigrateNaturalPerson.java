package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PasswordHash;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.privacy.EncryptedText;
import gov.etax.identity.kernel.person.ProvinceCode;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a natural person from a province's existing (migrated) data (REG-5, PWD-2): real-name
 * level 3, since nobody scanned their face. The initial password is already hashed; null when
 * the province's system held no password for the person (PWD-4). The personal data is already
 * sealed under the person's data key.
 *
 * @param phones the phones to bind, those found on several persons of the import already removed
 *               (LOGIN-3); a phone another person holds by the time the command runs is not bound either
 * @param phonesClearedAsShared how many of the person's phones LOGIN-3 removed
 * @param importedBy the tax authority staff member who ran the import (their identity provider's subject)
 */
public record MigrateNaturalPerson(
        @TargetAggregateIdentifier PersonId personId,
        ProvinceCode province,
        DocumentType documentType,
        SealedIdentifier document,
        EncryptedText name,
        List<SealedIdentifier> phones,
        int phonesClearedAsShared,
        PasswordHash initialPasswordHash,
        String importedBy) {

    public MigrateNaturalPerson {
        phones = List.copyOf(phones);
    }
}
