package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The nominee (or, for a tax agent relationship, the other enterprise) confirms a pending
 * authorization (ACC-4, ACC-5).
 *
 * @param sessionVerifiedByFace the caller's session was opened by a face scan (ACC-5: no second scan)
 * @param faceVerificationId    the reference of the scan made for this confirmation, else null
 */
public record ConfirmAuthorization(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        Actor confirmedBy,
        boolean sessionVerifiedByFace,
        String faceVerificationId) {
}
