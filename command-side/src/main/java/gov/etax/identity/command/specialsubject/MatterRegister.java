package gov.etax.identity.command.specialsubject;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import java.util.List;
import java.util.Optional;

/**
 * Cross-region matters on record, for finding them by a fragment of the number and deciding who
 * may see them (LOGIN-6). Written in the same transaction as the matter's events.
 */
public interface MatterRegister {

    /** @throws gov.etax.identity.kernel.refusal.Refusal MATTER_ALREADY_RECORDED for a known number */
    void record(Matter matter, PersonName handlerName, MobilePhone handlerPhone);

    void switchAuthority(CrossRegionMatterId matterId, TaxAuthorityCode competentAuthority);

    /** Matters whose number ends with the fragment (LOGIN-6: the last 4 digits suffice). */
    List<Matter> endingWith(String fragment);

    Optional<Matter> byNumber(String matterNumber);

    /** The handler named in the report is this name with this phone (both must match). */
    boolean handledBy(CrossRegionMatterId matterId, PersonName name, List<String> phoneHashes);

    record Matter(CrossRegionMatterId matterId, String matterNumber, Uscc enterprise, String projectName,
                  TaxAuthorityCode competentAuthority) {
    }
}
