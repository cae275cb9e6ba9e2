package gov.etax.identity.command.authorization.expire;

import gov.etax.identity.command.authorization.AuthorizationClaims;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.commands.ExpireAuthorization;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
    private final CommandGateway commands;
    private final Clock clock;

    public AuthorizationExpirySweeper(AuthorizationClaims claims, CommandGateway commands, Clock clock) {
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
                commands.sendAndWait(new ExpireAuthorization(due));
                expired++;
            } catch (Refusal refusal) {
                // Another node or a request got there first.
                log.debug("{} not expired here: {}", due, refusal.reason().code());
            }
        }
        return expired;
    }
}
