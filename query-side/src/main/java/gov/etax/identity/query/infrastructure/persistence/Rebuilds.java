package gov.etax.identity.query.infrastructure.persistence;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells a handler whether the batch it runs in belongs to a rebuild (docs/architecture.md, "Replay"): the
 * rebuild writes a second set of tables nobody reads yet, so what a handler does for live readers only
 * (subscription-query updates, in-memory state of readers) must not happen in it.
 */
public final class Rebuilds {

    private static final String RESOURCE = Rebuilds.class.getName();

    private Rebuilds() {
    }

    /** Marks the unit of work (its root: the processor's batch) as part of a rebuild. */
    public static void mark(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(RESOURCE, Boolean.TRUE);
    }

    /** Whether the current unit of work is a rebuild's. */
    public static boolean inProgress() {
        return CurrentUnitOfWork.isStarted() && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }
}
