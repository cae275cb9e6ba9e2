package gov.etax.identity.kernel.matter.events;

import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.privacy.EncryptedText;

/**
 * A cross-region matter report on record (LOGIN-6). The handler's name and phone are personal data,
 * encrypted under the matter's own data key (subject = the matter id).
 */
public record CrossRegionMatterRecorded(CrossRegionMatterId matterId, String matterNumber, Uscc enterprise,
                                        String projectName, TaxAuthorityCode competentAuthority,
                                        EncryptedText handlerName, EncryptedText handlerPhone, String recordedBy) {
}
