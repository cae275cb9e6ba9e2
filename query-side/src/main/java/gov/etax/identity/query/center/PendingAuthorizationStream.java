package gov.etax.identity.query.center;

import gov.etax.identity.kernel.authorization.queries.AuthorizationSummary;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.security.SessionTokens;
import gov.etax.identity.query.center.CenterQueries.WatchMyPendingAuthorizations;
import gov.etax.identity.query.session.EndedSessions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/me/authorizations/stream}: the person's pending authorizations (待确认授权) as
 * server-sent events, backed by an Axon subscription query. The first event is the current list; each
 * change sends the whole list again (event name {@code pending-authorizations}). A comment line every
 * {@code etax.account-center.stream-heartbeat} (default 15 s) finds clients that went away; a failed
 * write, a timeout (the session's 30 minutes) or the client closing cancels the subscription.
 * The stream ends with its session: on the {@code SessionEnded} the "authorizations" processor passes
 * on (before any later change), and, for streams on other nodes than that processor's, when a check
 * every {@code etax.account-center.stream-session-check} (default 1 s) finds the session ended.
 */
@RestController
public class PendingAuthorizationStream {

    static final String EVENT = "pending-authorizations";
    private static final Logger log = LoggerFactory.getLogger(PendingAuthorizationStream.class);

    private final QueryGateway queryGateway;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final EndedSessions sessions;

    public PendingAuthorizationStream(QueryGateway queryGateway, EndedSessions sessions,
                                      @Value("${etax.account-center.stream-heartbeat:PT15S}") Duration heartbeat,
                                      @Value("${etax.account-center.stream-session-check:PT1S}") Duration sessionCheck) {
        this.queryGateway = queryGateway;
        this.sessions = sessions;
        heartbeats.scheduleAtFixedRate(() -> open.forEach(Stream::heartbeat), heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        heartbeats.scheduleWithFixedDelay(this::closeEnded, sessionCheck.toMillis(), sessionCheck.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Ends the streams whose session has ended (logout, password, relationship ended). */
    private void closeEnded() {
        try {
            Set<String> ended = sessions.endedAmong(open.stream().map(Stream::sessionId).toList());
            open.stream().filter(stream -> ended.contains(stream.sessionId())).forEach(Stream::fail);
        } catch (RuntimeException e) {
            // The database is away: the next check tries again; a scheduled task that throws would stop.
            log.warn("Checking the sessions of open streams failed: {}", e.toString());
        }
    }

    @Operation(summary = "My pending authorizations as server-sent events",
            description = "Needs Accept: text/event-stream (else 406). Each event (name pending-authorizations) carries the whole current list "
                    + "of pending authorizations as JSON, first on connecting, then on every change.")
    @GetMapping(path = "/api/me/authorizations/stream")
    public SseEmitter stream(@AuthenticationPrincipal Jwt token,
                             @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
        // Only EventSource-style clients (Accept: text/event-stream) get a stream that stays open.
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_ACCEPTABLE,
                    "Ask with Accept: text/event-stream");
        }
        PersonId person = PersonId.parse(token.getSubject());
        String sessionId = token.getClaimAsString(SessionTokens.SESSION_ID);
        Duration untilExpiry = token.getExpiresAt() == null ? Duration.ofMinutes(30)
                : Duration.between(java.time.Instant.now(), token.getExpiresAt());
        SseEmitter emitter = new SseEmitter(Math.max(1000L, untilExpiry.toMillis()));
        SubscriptionQueryResult<List<AuthorizationSummary>, String> subscription = queryGateway.subscriptionQuery(
                new WatchMyPendingAuthorizations(person),
                ResponseTypes.multipleInstancesOf(AuthorizationSummary.class),
                ResponseTypes.instanceOf(String.class));
        Stream stream = new Stream(sessionId, emitter, subscription);
        open.add(stream);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        subscription.initialResult().subscribe(stream::send, e -> stream.fail());
        // Updates arrive on the processor's thread: read and write elsewhere, never holding it up on a slow client.
        subscription.updates().subscribe(changed -> {
            if (changed.startsWith(PendingAuthorizationUpdates.SESSION_ENDED)) {
                if (changed.equals(PendingAuthorizationUpdates.SESSION_ENDED + sessionId)) {
                    stream.fail();
                }
                return;
            }
            heartbeats.execute(() -> stream.send(queryGateway.query(new WatchMyPendingAuthorizations(person),
                    ResponseTypes.multipleInstancesOf(AuthorizationSummary.class)).join()));
        }, e -> stream.fail());
        return emitter;
    }

    /** Streams currently open on this node (for operations and tests). */
    public int openStreams() {
        return open.size();
    }

    @PreDestroy
    void stop() {
        open.forEach(Stream::fail);
        heartbeats.shutdownNow();
    }

    private final class Stream {
        private final String sessionId;
        private final SseEmitter emitter;
        private final SubscriptionQueryResult<?, ?> subscription;
        private final AtomicBoolean closed = new AtomicBoolean();

        Stream(String sessionId, SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription) {
            this.sessionId = sessionId;
            this.emitter = emitter;
            this.subscription = subscription;
        }

        String sessionId() {
            return sessionId;
        }

        synchronized void send(List<AuthorizationSummary> pending) {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().name(EVENT).data(pending, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                fail();
            }
        }

        synchronized void heartbeat() {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                fail();
            }
        }

        /** The client went away or the subscription broke: end the response and the subscription. */
        void fail() {
            if (!closed.get()) {
                emitter.complete();
            }
            close();
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                subscription.cancel();
            }
            open.remove(this);
        }
    }
}
