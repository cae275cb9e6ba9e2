package gov.etax.identity.query.center;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.LegalRepresentativeBound;
import gov.etax.identity.kernel.authorization.events.RelationshipRevoked;
import gov.etax.identity.query.authorization.AuthorizationProjection;
import gov.etax.identity.query.authorization.AuthorizationWrites;
import gov.etax.identity.query.infrastructure.persistence.Upserts;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When relationships came into force, and the history records of those that ended (revoked, or
 * expired while in force). Runs in the "authorizations" processor, after whose earlier events the
 * holder, enterprise and role of an authorization are known ({@link AuthorizationWrites}); nothing
 * read here is changed by the event being handled, so the order of the two handlers does not matter.
 */
@Component
@ProcessingGroup(AuthorizationProjection.PROCESSING_GROUP)
public class EndedRelationships {

    private final JdbcTemplate jdbc;
    private final AuthorizationWrites authorizations;
    private final String relationshipStarted;

    public EndedRelationships(JdbcTemplate jdbc, AuthorizationWrites authorizations, Upserts upserts) {
        this.jdbc = jdbc;
        this.authorizations = authorizations;
        this.relationshipStarted = upserts.overwrite("account_relationship_start", "authorization_id",
                "authorization_id, since");
    }

    @EventHandler
    void on(LegalRepresentativeBound event, @org.axonframework.eventhandling.Timestamp Instant at) {
        started(event.authorizationId(), at);
    }

    @EventHandler
    void on(AuthorizationConfirmed event, @org.axonframework.eventhandling.Timestamp Instant at) {
        started(event.authorizationId(), at);
    }

    private void started(AuthorizationId id, Instant at) {
        jdbc.update(relationshipStarted, id.value(), HistoryProjection.micros(at));
    }

    @EventHandler
    void on(RelationshipRevoked event, @MessageIdentifier String recordId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        ended(recordId, event.authorizationId(), "REVOKED", event.side().name(), event.reason().name(), at);
    }

    @EventHandler
    void on(AuthorizationExpired event, @MessageIdentifier String recordId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        ended(recordId, event.authorizationId(), "EXPIRED", null, null, at);
    }

    /**
     * The holder, enterprise and role as the batch's earlier events left them: the authorizations
     * processor writes its rows when the batch commits ({@link AuthorizationWrites#whenKnown}).
     */
    private void ended(String recordId, AuthorizationId id, String how, String side, String reason, Instant at) {
        authorizations.whenKnown(id.value(), (authorization, enterpriseName) -> {
            if (authorization.holderPersonId() == null) {
                return; // no known holder: no one's history
            }
            // No start (a pending authorization that expired was never a relationship) selects nothing; a row
            // with this record id came from this very event (see HistoryProjection).
            jdbc.update("INSERT INTO account_history (record_id, person_id, kind, occurred_at, uscc, enterprise_name, role, "
                            + "authorization_id, ended_how, ended_side, ended_reason, since) "
                            + "SELECT ?, ?, 'RELATIONSHIP_ENDED', ?, ?, ?, ?, s.authorization_id, ?, ?, ?, s.since "
                            + "FROM account_relationship_start s WHERE s.authorization_id = ? "
                            + "ON CONFLICT DO NOTHING",
                    recordId, authorization.holderPersonId(), HistoryProjection.micros(at), authorization.uscc(),
                    enterpriseName, authorization.role(), how, side, reason, id.value());
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_history WHERE kind = 'RELATIONSHIP_ENDED'");
        jdbc.update("DELETE FROM account_relationship_start");
    }
}
