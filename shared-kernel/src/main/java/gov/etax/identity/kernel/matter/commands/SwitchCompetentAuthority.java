package gov.etax.identity.kernel.matter.commands;

import gov.etax.identity.kernel.matter.CrossRegionMatterId;
import gov.etax.identity.kernel.matter.TaxAuthorityCode;
import gov.etax.identity.kernel.person.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LOGIN-6: a person entitled to the matter switches the competent tax authority of its project. */
public record SwitchCompetentAuthority(@TargetAggregateIdentifier CrossRegionMatterId matterId,
                                       TaxAuthorityCode competentAuthority, PersonId switchedBy) {
}
