package gov.etax.identity.command.authorization.expire;

import gov.etax.identity.command.authorization.AuthorizationClaims;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.infrastructure.axon.ConflictRetryingCommands;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.ExpireAuthorization;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Relationships past their end of validity (有效期止) stop working at once: the relationship table
 * filters them by the clock. This sweeper records the expiry in each authorization's history.
 * Every node sweeps; when two reach one authorization, one records it and the other is refused.
 */
@Service
public class AuthorizationExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationExpirySweeper.class);
    private static final int BATCH = 200;

    private final AuthorizationClaims claims;
    private final ConflictRetryingCommands commands;
    private final Clock clock;

    public AuthorizationExpirySweeper(AuthorizationClaims claims, ConflictRetryingCommands commands, Clock clock) {
        this.claims = claims;
        this.commands = commands;
        this.clock = clock;
    }

    /** @return how many authorizations this sweep recorded as expired */
    @Scheduled(fixedDelayString = "${etax.authorizations.expiry-sweep-interval:PT1M}",
            initialDelayString = "${etax.authorizations.expiry-sweep-interval:PT1M}")
    public int sweep() {
        int expired = 0;
        for (AuthorizationId due : claims.dueAt(clock.instant(), BATCH)) {
            try {
                commands.send(new ExpireAuthorization(due), AuthorizationReason.AUTHORIZATION_NOT_FOUND,
                        AuthorizationReason.CONCURRENT_CHANGE);
                expired++;
            } catch (Refusal refusal) {
                // Another node or a request got there first.
                log.debug("{} not expired here: {}", due, refusal.reason().code());
            }
        }
        return expired;
    }
}
