package gov.etax.identity.command.authorization.expire;

import gov.etax.identity.command.authorization.Authorization;
import gov.etax.identity.command.authorization.Validity;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.springframework.stereotype.Service;

/**
 * ACC-5: from the moment an authorization with an end of validity (有效期止) exists, its end is a
 * deadline of that authorization ({@link Validity#END_DEADLINE}), which records the expiry once,
 * on one node. Scheduled in the transaction of the event (a subscribing processor), so the deadline
 * exists exactly when the authorization does. Not cancelled when the authorization ends otherwise:
 * the authorization ignores the deadline then.
 */
@Service
@ProcessingGroup(ValidityEndDeadlines.PROCESSING_GROUP)
public class ValidityEndDeadlines {

    public static final String PROCESSING_GROUP = "authorization-validity-ends";

    private final DeadlineManager deadlines;

    public ValidityEndDeadlines(DeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    public void on(StaffNominated event) {
        schedule(event.authorizationId(), Validity.endOf(event.validUntil()));
    }

    @EventHandler
    public void on(TaxAgencyRequested event) {
        schedule(event.authorizationId(), Validity.endOf(event.validUntil()));
    }

    /** Also for authorizations that existed before deadlines did (see {@link EarlierValidityEnds}). */
    void schedule(AuthorizationId authorization, Instant end) {
        if (end != null) {
            deadlines.schedule(end, Validity.END_DEADLINE, null,
                    new AggregateScopeDescriptor(Authorization.class.getSimpleName(), authorization.value()));
        }
    }
}
