package gov.etax.identity.kernel.person.commands;

import gov.etax.identity.kernel.person.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * REG-5: a level-3 person passed a face scan of their own document in the account center
 * (【个人实名等级】), checked before the command. The handler answers {@code true} when the level
 * was raised, {@code false} when the person already had level 4.
 */
public record RaiseRealNameLevel(@TargetAggregateIdentifier PersonId personId, String faceVerificationId) {
}
