package gov.etax.identity.command.specialsubject;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.person.PersonName;
import java.util.List;
import java.util.Optional;

/**
 * Cross-region matters on record, for finding them by a fragment of the number and deciding who
 * may see them (LOGIN-6). A look-up kept from the matter's events in the same transaction.
 */
public interface MatterRegister {

    /** Matters whose number ends with the fragment (LOGIN-6: the last 4 digits suffice). */
    List<Matter> endingWith(String fragment);

    Optional<Matter> byNumber(String matterNumber);

    /** The handler named in the report is this name with this phone (both must match). */
    boolean handledBy(CrossRegionMatterId matterId, PersonName name, List<String> phoneHashes);

    record Matter(CrossRegionMatterId matterId, String matterNumber, Uscc enterprise, String projectName,
                  TaxAuthorityCode competentAuthority) {
    }
}
