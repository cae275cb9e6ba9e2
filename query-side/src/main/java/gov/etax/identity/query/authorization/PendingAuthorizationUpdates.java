package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.events.AuthorizationConfirmed;
import gov.etax.identity.kernel.authorization.events.AuthorizationExpired;
import gov.etax.identity.kernel.authorization.events.AuthorizationRejected;
import gov.etax.identity.kernel.authorization.events.AuthorizationWithdrawn;
import gov.etax.identity.kernel.authorization.events.FinanceManagerReported;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.events.SessionEnded;
import gov.etax.identity.kernel.person.events.SessionSwitched;
import gov.etax.identity.query.authorization.AuthorizationQueries.WatchMyPendingAuthorizations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells subscribers of {@link WatchMyPendingAuthorizations} that a person's pending authorizations
 * changed. Runs in the "authorizations" processor; the update is made and emitted after the processor's
 * transaction commits, so a subscriber that reads the view on the update sees the change. The update
 * is the id of the authorization that changed, not the list: that keeps this handler independent of
 * the order in which the processor calls it and {@link AuthorizationProjection}. Not run on replay:
 * nobody waits for old news.
 *
 * <p>It also tells them when a session ended ({@link #SESSION_ENDED} and the session id): in this
 * processor, in the order of the history, so that a stream of a logged-out session closes before
 * any later change could reach it.
 */
@Component
@ProcessingGroup(AuthorizationProjection.PROCESSING_GROUP)
@DisallowReplay
public class PendingAuthorizationUpdates {

    /** The prefix of the update that ends the streams of one session; the session id follows. */
    public static final String SESSION_ENDED = "session-ended:";
    private static final String UPDATES = PendingAuthorizationUpdates.class.getName();

    private final QueryUpdateEmitter emitter;
    private final JdbcTemplate jdbc;

    public PendingAuthorizationUpdates(QueryUpdateEmitter emitter, JdbcTemplate jdbc) {
        this.emitter = emitter;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StaffNominated event) {
        changed(event.authorizationId(), event.holderPersonId());
    }

    @EventHandler
    void on(FinanceManagerReported event) {
        changed(event.authorizationId(), event.holderPersonId());
    }

    @EventHandler
    void on(TaxAgencyRequested event) {
        changed(event.authorizationId(), event.holderPersonId());
    }

    @EventHandler
    void on(AuthorizationConfirmed event) {
        changed(event.authorizationId(), event.confirmedBy());
    }

    @EventHandler
    void on(AuthorizationRejected event) {
        changed(event.authorizationId(), null);
    }

    @EventHandler
    void on(AuthorizationWithdrawn event) {
        changed(event.authorizationId(), null);
    }

    @EventHandler
    void on(AuthorizationExpired event) {
        changed(event.authorizationId(), null);
    }

    @EventHandler
    void on(SessionEnded event) {
        sessionEnded(event.personId(), event.sessionId());
    }

    @EventHandler
    void on(SessionSwitched event) {
        sessionEnded(event.personId(), event.from());
    }

    private void sessionEnded(PersonId person, SessionId session) {
        afterCommit(() -> emitter.emit(WatchMyPendingAuthorizations.class, q -> q.personId().equals(person),
                SESSION_ENDED + session.value()));
    }

    /**
     * The holder is read from the view once the batch has committed: {@link AuthorizationProjection}
     * writes its rows at the commit, and a holder named by document is recognised only then.
     */
    private void changed(AuthorizationId authorization, PersonId named) {
        afterCommit(() -> notifyHolders(authorization, named));
    }

    /** Runs {@code update} after the batch commits, in the order of the batch's events; at once outside a batch. */
    private static void afterCommit(Runnable update) {
        if (!CurrentUnitOfWork.isStarted()) {
            update.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.<List<Runnable>>getOrComputeResource(UPDATES, key -> {
            List<Runnable> updates = new ArrayList<>();
            root.afterCommit(unitOfWork -> updates.forEach(Runnable::run));
            return updates;
        }).add(update);
    }

    private void notifyHolders(AuthorizationId authorization, PersonId named) {
        Set<String> persons = new HashSet<>(jdbc.queryForList(
                "SELECT holder_person_id FROM authorization_view WHERE authorization_id = ? AND holder_person_id IS NOT NULL",
                String.class, authorization.value()));
        if (named != null) {
            persons.add(named.value());
        }
        if (!persons.isEmpty()) {
            emitter.emit(WatchMyPendingAuthorizations.class, q -> persons.contains(q.personId().value()),
                    authorization.value());
        }
    }
}
