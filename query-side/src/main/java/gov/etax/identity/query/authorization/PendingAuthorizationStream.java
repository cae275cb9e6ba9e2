package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.authorization.queries.AuthorizationSummary;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.security.SessionTokens;
import gov.etax.identity.query.authorization.AuthorizationQueries.WatchMyPendingAuthorizations;
import gov.etax.identity.query.infrastructure.web.ReadsProjections;
import gov.etax.identity.query.session.EndedSessions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/me/authorizations/stream}: the person's pending authorizations (待确认授权) as
 * server-sent events, the updates of an Axon subscription query. The first event is the current list;
 * each change sends the whole list again (event name {@code pending-authorizations}). A comment line
 * every {@code etax.account-center.stream-heartbeat} (default 15 s) finds clients that went away: Spring
 * cancels the stream when a write fails, and the end of the stream cancels the subscription.
 * The stream ends with its session: on the {@code SessionEnded} the "authorizations" processor passes
 * on (before any later change), and, for streams on other nodes than that processor's, when a check
 * every {@code etax.account-center.stream-session-check} (default 1 s) finds the session ended; at the
 * latest when the token expires.
 */
@RestController
public class PendingAuthorizationStream {

    static final String EVENT = "pending-authorizations";
    private static final Logger log = LoggerFactory.getLogger(PendingAuthorizationStream.class);
    private static final ServerSentEvent<List<AuthorizationSummary>> KEEP_ALIVE =
            ServerSentEvent.<List<AuthorizationSummary>>builder().comment("keep-alive").build();
    /** Marks the end of the events, so that the heartbeats end with them; never sent. */
    private static final ServerSentEvent<List<AuthorizationSummary>> END =
            ServerSentEvent.<List<AuthorizationSummary>>builder().build();

    private final QueryGateway queryGateway;
    private final EndedSessions sessions;
    private final Duration heartbeat;
    /** The session of each open stream, by the stream's number. */
    private final Map<Long, String> open = new ConcurrentHashMap<>();
    private final AtomicLong streamNumbers = new AtomicLong();
    /** One check for all open streams, running while any is open: the ended sessions among theirs. */
    private final Flux<Set<String>> endedSessions;
    private final Sinks.One<Boolean> shutdown = Sinks.one();

    public PendingAuthorizationStream(QueryGateway queryGateway, EndedSessions sessions,
                                      @Value("${etax.account-center.stream-heartbeat:PT15S}") Duration heartbeat,
                                      @Value("${etax.account-center.stream-session-check:PT1S}") Duration sessionCheck) {
        this.queryGateway = queryGateway;
        this.sessions = sessions;
        this.heartbeat = heartbeat;
        this.endedSessions = Flux.interval(sessionCheck, sessionCheck, Schedulers.boundedElastic())
                .map(tick -> endedAmongOpen())
                .filter(ended -> !ended.isEmpty())
                .share();
    }

    @Operation(summary = "My pending authorizations as server-sent events",
            description = "Needs Accept: text/event-stream (else 406). Each event (name pending-authorizations) carries the whole current list "
                    + "of pending authorizations as JSON, first on connecting, then on every change.")
    @GetMapping(path = "/api/me/authorizations/stream")
    @ReadsProjections(AuthorizationProjection.PROCESSING_GROUP)
    public Flux<ServerSentEvent<List<AuthorizationSummary>>> stream(@AuthenticationPrincipal Jwt token,
            @RequestHeader(name = "Accept", required = false) String accept) {
        // Only EventSource-style clients (Accept: text/event-stream) get a stream that stays open.
        if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            throw new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE, "Ask with Accept: text/event-stream");
        }
        PersonId person = PersonId.parse(token.getSubject());
        String sessionId = token.getClaimAsString(SessionTokens.SESSION_ID);
        Duration untilExpiry = token.getExpiresAt() == null ? Duration.ofMinutes(30)
                : Duration.between(Instant.now(), token.getExpiresAt());
        Mono<?> over = Flux.merge(endedSessions.filter(ended -> ended.contains(sessionId)).next(),
                Mono.delay(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry), shutdown.asMono()).next();
        return Flux.using(() -> queryGateway.subscriptionQuery(new WatchMyPendingAuthorizations(person),
                        ResponseTypes.multipleInstancesOf(AuthorizationSummary.class), ResponseTypes.instanceOf(String.class)),
                subscription -> opened(sessionId, pendingLists(subscription, person, sessionId).takeUntilOther(over)),
                SubscriptionQueryResult::cancel);
    }

    /** The current list, then the list again after each change, until the session-ended update of this session. */
    private Flux<List<AuthorizationSummary>> pendingLists(SubscriptionQueryResult<List<AuthorizationSummary>, String> subscription,
                                                          PersonId person, String sessionId) {
        return subscription.initialResult().flux().concatWith(subscription.updates()
                .takeWhile(update -> !update.equals(PendingAuthorizationUpdates.SESSION_ENDED + sessionId))
                .filter(update -> !update.startsWith(PendingAuthorizationUpdates.SESSION_ENDED))
                // Updates arrive on the processor's thread: read elsewhere, never holding it up.
                .concatMap(changed -> Mono.fromCallable(() -> queryGateway.query(new WatchMyPendingAuthorizations(person),
                        ResponseTypes.multipleInstancesOf(AuthorizationSummary.class)).join())
                        .subscribeOn(Schedulers.boundedElastic())));
    }

    /** The lists as events, with heartbeats while they last; counted as open until the stream ends. */
    private Flux<ServerSentEvent<List<AuthorizationSummary>>> opened(String sessionId, Flux<List<AuthorizationSummary>> lists) {
        Flux<ServerSentEvent<List<AuthorizationSummary>>> events = lists
                .map(pending -> ServerSentEvent.builder(pending).event(EVENT).build())
                .onErrorResume(e -> {
                    // The subscription broke: the client sees the stream end and connects again.
                    log.warn("A pending-authorization stream failed: {}", e.toString());
                    return Mono.empty();
                })
                .concatWith(Mono.just(END));
        long number = streamNumbers.incrementAndGet();
        return Flux.merge(events, Flux.interval(heartbeat, heartbeat).map(tick -> KEEP_ALIVE))
                .takeWhile(event -> event != END)
                .doOnSubscribe(subscribed -> open.put(number, sessionId))
                .doFinally(signal -> open.remove(number));
    }

    /** The ended sessions among those of the open streams (logout, password, relationship ended). */
    private Set<String> endedAmongOpen() {
        try {
            return sessions.endedAmong(List.copyOf(open.values()));
        } catch (RuntimeException e) {
            // The database is away: the next check tries again; an error would end the check for good.
            log.warn("Checking the sessions of open streams failed: {}", e.toString());
            return Set.of();
        }
    }

    /** Streams currently open on this node (for operations and tests). */
    public int openStreams() {
        return open.size();
    }

    @PreDestroy
    void stop() {
        shutdown.tryEmitValue(true);
    }
}
