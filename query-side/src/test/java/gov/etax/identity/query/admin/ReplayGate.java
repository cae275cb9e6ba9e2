package gov.etax.identity.query.admin;

import gov.etax.identity.kernel.person.events.NaturalPersonRegistered;
import gov.etax.identity.query.account.PersonAccountProjection;
import gov.etax.identity.query.infrastructure.persistence.Rebuilds;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;

/**
 * Test bean in the account projection's processing group: when closed, a replay or rebuild of that
 * group stops at its first registration until the test opens the gate again, so that the test can
 * watch the projection while it is rebuilt. Live events always pass.
 */
@ProcessingGroup(PersonAccountProjection.PROCESSING_GROUP)
public class ReplayGate {

    private static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));
    private static final AtomicBoolean REFUSING = new AtomicBoolean();

    public static void close() {
        GATE.set(new CountDownLatch(1));
    }

    public static void open() {
        GATE.get().countDown();
    }

    /** The next registration a rebuild handles fails, as an event the projection cannot handle would. */
    public static void refuseNextRebuiltRegistration() {
        REFUSING.set(true);
    }

    @EventHandler
    void on(NaturalPersonRegistered event, ReplayStatus status) throws InterruptedException {
        if (Rebuilds.inProgress() && REFUSING.compareAndSet(true, false)) {
            throw new IllegalStateException("refused by the test");
        }
        if (status.isReplay() || Rebuilds.inProgress()) {
            // bounded, below the transaction timeout (10 s): a forgotten gate cannot hang the processor
            GATE.get().await(8, TimeUnit.SECONDS);
        }
    }
}
