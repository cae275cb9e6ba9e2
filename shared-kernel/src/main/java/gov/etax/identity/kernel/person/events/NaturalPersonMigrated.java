package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.RealNameLevel;
import gov.etax.identity.kernel.privacy.EncryptedText;
import java.util.List;

/**
 * An existing person was imported from a province's data (REG-5): real-name level 3, an initial
 * password that must be changed at first login (PWD-2, not in the event). Personal values are
 * encrypted under the person's data key.
 *
 * @param phones the phones bound to the person (LOGIN-2), each encrypted; may be empty
 * @param phonesClearedAsShared phones of the import not bound because the import found them on
 *                              several persons (LOGIN-3)
 * @param phonesBoundToOthers phones not bound because another person already held them
 * @param importedBy the tax authority staff member who ran the import
 * @param withoutPassword the province's system held no password for the person (PWD-4): none was
 *                        stored, and the person sets one after a scan login through the IIT app;
 *                        absent (false) in events of imports with an initial password
 */
public record NaturalPersonMigrated(
        PersonId personId,
        ProvinceCode province,
        DocumentType documentType,
        EncryptedText documentNumber,
        EncryptedText name,
        List<EncryptedText> phones,
        int phonesClearedAsShared,
        int phonesBoundToOthers,
        RealNameLevel realNameLevel,
        String importedBy,
        boolean withoutPassword) {

    /** An import with an initial password (PWD-2). */
    public NaturalPersonMigrated(PersonId personId, ProvinceCode province, DocumentType documentType,
                                 EncryptedText documentNumber, EncryptedText name, List<EncryptedText> phones,
                                 int phonesClearedAsShared, int phonesBoundToOthers, RealNameLevel realNameLevel,
                                 String importedBy) {
        this(personId, province, documentType, documentNumber, name, phones, phonesClearedAsShared,
                phonesBoundToOthers, realNameLevel, importedBy, false);
    }

    public NaturalPersonMigrated {
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
