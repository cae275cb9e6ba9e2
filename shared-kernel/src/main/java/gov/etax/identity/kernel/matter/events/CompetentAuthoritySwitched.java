package gov.etax.identity.kernel.matter.events;

import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.person.PersonId;

/** LOGIN-6: the competent tax authority of the matter's project changed, and who changed it. */
public record CompetentAuthoritySwitched(CrossRegionMatterId matterId, TaxAuthorityCode from, TaxAuthorityCode to,
                                         PersonId switchedBy) {
}
