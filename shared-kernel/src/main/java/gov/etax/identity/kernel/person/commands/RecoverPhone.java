package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SealedIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * LOGIN-3 (【找回手机号码】): a person who holds no phone binds one after a face scan of their own
 * document and an SMS code sent to the new number, both checked before the command.
 *
 * @param faceVerificationId the face-verification service's reference for the scan, kept as evidence
 */
public record RecoverPhone(@TargetAggregateIdentifier PersonId personId, SealedIdentifier phone, String faceVerificationId) {
}
