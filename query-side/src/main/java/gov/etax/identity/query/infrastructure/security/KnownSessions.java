package gov.etax.identity.query.infrastructure.security;

import java.util.Optional;

/** The sessions the query side has learnt of from the event store (session.EndedSessions keeps them). */
public interface KnownSessions {

    /**
     * A session as the query side knows it.
     *
     * @param uscc and {@code role}: what an enterprise or agent session acts for, else null
     */
    record KnownSession(String personId, boolean passwordChangeRequired, String uscc, String role, boolean ended) {
    }

    /** The started session with this id, ended or not; empty while its start has not arrived here. */
    Optional<KnownSession> find(String sessionId);
}
