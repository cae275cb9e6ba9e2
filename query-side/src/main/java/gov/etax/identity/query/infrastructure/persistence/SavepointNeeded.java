package gov.etax.identity.query.infrastructure.persistence;

import org.springframework.dao.TransientDataAccessException;

/**
 * An event failed in a batch that ran without savepoints: the batch cannot set it aside alone, so it
 * fails as a whole, like a fault of the moment, and the processor handles it again with a savepoint
 * before this event ({@link ProjectionSavepoints}).
 */
public class SavepointNeeded extends TransientDataAccessException {

    public SavepointNeeded(String eventIdentifier, Throwable cause) {
        super("Event " + eventIdentifier + " failed in a batch without savepoints; the batch is handled again", cause);
    }
}
