package gov.etax.identity.query.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read your own writes (query side). A GET under {@code /api/} with header {@code Consistency-Token: <n>}
 * (the global position the command side answered with) waits until every processor the endpoint reads
 * from has handled the events up to position n, then answers; after {@code etax.consistency.max-wait}
 * (default 5 s) it answers 503 {@code CONSISTENCY_TOKEN_NOT_REACHED} with {@code Retry-After: 1}. What an
 * endpoint reads it declares with {@link ReadsProjections}; an endpoint that does not waits for every processor.
 *
 * <p>Progress is read from {@code tokenentry}, so it holds with several query nodes that share the
 * segments, and for the segments this node works on also from the processor's live status: a stored
 * token only moves on after a batch the processor handled or, for events it does not handle, at its
 * next claim extension (seconds later). A processor has passed n when every one of its segments has
 * reached n, or lags only behind events of types the processor has no handler for. A segment has reached n: a gap-aware token whose index is at least n and that does not still wait
 * for n itself as a gap. A replaying processor is judged by where its replay has got to.
 */
@Configuration
public class ReadYourWrites implements WebMvcConfigurer {

    public static final String HEADER = "Consistency-Token";
    private static final String BEHIND = ReadYourWrites.class.getName() + ".behind";
    private static final Duration POLL = Duration.ofMillis(20);

    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessingConfiguration processing;
    private final ObjectMapper json;
    private final Duration maxWait;
    /** The last segment found behind, for the 503's {@code behind}. */
    private final ThreadLocal<String> behind = new ThreadLocal<>();

    public ReadYourWrites(JdbcTemplate jdbc, org.axonframework.config.Configuration axon,
                          EventProcessingConfiguration processing, ObjectMapper json,
                          @Value("${etax.consistency.max-wait:PT5S}") Duration maxWait) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.processing = processing;
        this.json = json;
        this.maxWait = maxWait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws IOException {
                return awaited(request, response, handler);
            }
        }).addPathPatterns("/api/**");
    }

    private boolean awaited(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String header = request.getHeader(HEADER);
        if (header == null || !HttpMethod.GET.matches(request.getMethod())) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            problem(request, response, HttpStatus.BAD_REQUEST, "INVALID_CONSISTENCY_TOKEN",
                    "Consistency-Token is the number a command answered with.", "一致性令牌无效");
            return false;
        }
        Collection<String> processors = ProjectionsRead.of(handler).<Collection<String>>map(ProjectionsRead::processingGroups)
                .orElseGet(() -> processing.eventProcessors().keySet());
        Instant deadline = Clock.systemUTC().instant().plus(maxWait);
        while (!passed(processors, position)) {
            if (Clock.systemUTC().instant().isAfter(deadline)) {
                response.setHeader("Retry-After", "1");
                request.setAttribute(BEHIND, behind.get());
                behind.remove();
                problem(request, response, HttpStatus.SERVICE_UNAVAILABLE, "CONSISTENCY_TOKEN_NOT_REACHED",
                        "The read models have not reached that position yet; try again shortly.", "数据同步中，请稍后重试");
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    /** Every segment of every processor named has handled the events up to and including {@code position}. */
    boolean passed(Collection<String> processors, long position) {
        for (String processor : processors) {
            Map<Integer, EventTrackerStatus> here = processing.eventProcessor(processor, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
            Map<Integer, TrackingToken> stored = new LinkedHashMap<>();
            jdbc.query("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?", rs -> {
                byte[] token = rs.getBytes(2);
                String type = rs.getString(3);
                stored.put(rs.getInt(1), token == null || type == null ? null : deserialize(token, type));
            }, processor);
            if (stored.isEmpty()) {
                return false;
            }
            for (Map.Entry<Integer, TrackingToken> segment : stored.entrySet()) {
                EventTrackerStatus status = here.get(segment.getKey());
                boolean reachedHere = status != null && !status.isErrorState()
                        && reached(WrappedToken.unwrapLowerBound(status.getTrackingToken()), position);
                TrackingToken storedToken = WrappedToken.unwrapLowerBound(segment.getValue());
                if (!reachedHere && !reached(storedToken, position)) {
                    long from = Math.max(storedToken == null ? -1 : storedToken.position().orElse(-1),
                            status == null || status.getTrackingToken() == null ? -1
                                    : WrappedToken.unwrapLowerBound(status.getTrackingToken()).position().orElse(-1));
                    if (!onlyIgnoredEventsBetween(processor, from, position)) {
                        behind.set(processor + " segment " + segment.getKey() + " at " + from);
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The token has handled the event at {@code position}: its index is at least that far and it does not
     * still wait for that event as a gap. Gaps below it (other requests' transactions, still open or rolled
     * back) do not matter to the writer: the events of the writer's one transaction became visible together.
     */
    static boolean reached(TrackingToken token, long position) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token != null && token.position().orElse(-1L) >= position;
    }

    /**
     * A processor moves its token past events it has no handler for only now and then (at its next claim
     * extension), so a segment may lag behind events it will never handle. Such a segment has, in effect,
     * passed {@code position} when the event at {@code position} is in the store and no event in
     * (from, position] is of a type the processor handles.
     */
    private boolean onlyIgnoredEventsBetween(String processor, long from, long position) {
        EventHandlerInvoker invoker = processing.eventProcessor(processor)
                .filter(AbstractEventProcessor.class::isInstance).map(p -> ((AbstractEventProcessor) p).eventHandlerInvoker())
                .orElse(null);
        if (invoker == null) {
            return false;
        }
        Integer written = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex = ?", Integer.class,
                position);
        if (written == null || written == 0) {
            return false; // the token names no event the store holds (yet)
        }
        List<String> types = jdbc.queryForList("SELECT DISTINCT payloadtype FROM domainevententry "
                + "WHERE globalindex > ? AND globalindex <= ?", String.class, from, position);
        for (String type : types) {
            try {
                if (invoker.canHandleType(Class.forName(type))) {
                    return false;
                }
            } catch (ClassNotFoundException unknown) {
                // a type this application does not know is one it does not handle
            }
        }
        return true;
    }

    private TrackingToken deserialize(byte[] token, String type) {
        Serializer serializer = axon.serializer();
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                         String message, String messageZh) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(message);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        problem.setProperty("message", message);
        problem.setProperty("message_zh", messageZh);
        if (request.getAttribute(BEHIND) != null) {
            problem.setProperty("behind", request.getAttribute(BEHIND));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
