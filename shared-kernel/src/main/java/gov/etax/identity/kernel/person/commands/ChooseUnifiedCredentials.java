package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** PWD-6: the person makes one province account's credentials the national unified ones. */
public record ChooseUnifiedCredentials(@TargetAggregateIdentifier PersonId personId, ProvinceCode province) {
}
