package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SealedIdentifier;
import gov.etax.identity.kernel.person.events.PhoneUnbound;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** LOGIN-2: the person gives up one of their phones, or loses it to its proven holder; it becomes free to bind. */
public record UnbindPhone(@TargetAggregateIdentifier PersonId personId, SealedIdentifier phone, PhoneUnbound.Cause cause) {

    /** The person gives the phone up. */
    public UnbindPhone(PersonId personId, SealedIdentifier phone) {
        this(personId, phone, PhoneUnbound.Cause.BY_PERSON);
    }
}
