package gov.etax.identity.kernel.person.events;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;

/** PWD-6: the person made this province account's credentials the ones used in every province ("一地采集，各地互认"). */
public record UnifiedCredentialsChosen(PersonId personId, ProvinceCode province) {
}
