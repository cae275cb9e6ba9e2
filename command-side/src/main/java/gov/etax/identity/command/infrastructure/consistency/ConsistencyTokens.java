package gov.etax.identity.command.infrastructure.consistency;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Read your own writes: every HTTP answer of a request that stored events carries the header
 * {@code Consistency-Token}, the global position ({@code domainevententry.globalindex}) of the last
 * event the request wrote. A query-side endpoint given that header waits until its projections have
 * passed the position.
 *
 * <p>How the position is known, correctly under concurrency: this dispatch interceptor of the event
 * store notes the identifiers of the events a request's unit of work publishes (nested commands share
 * the root unit of work). After that unit of work has committed, the events' rows are visible, and one
 * query by their identifiers (unique, indexed) reads the positions the database gave them; the
 * greatest is the token. Positions of other requests' events never enter, whatever commits
 * concurrently. The header is set on the response while the controller is still running, before any
 * body is written, so it works for every status and for answers without a body. Several commands in one
 * request: the header holds the greatest position.
 */
@Component
public class ConsistencyTokens implements MessageDispatchInterceptor<EventMessage<?>> {

    public static final String HEADER = "Consistency-Token";
    private static final String RESOURCE = ConsistencyTokens.class.getName() + ".events";
    private static final String LAST = ConsistencyTokens.class.getName() + ".last";

    private final NamedParameterJdbcTemplate jdbc;

    public ConsistencyTokens(EventStore eventStore, NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getResponse() != null) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            List<String> identifiers = root.getOrComputeResource(RESOURCE, key -> {
                List<String> written = Collections.synchronizedList(new ArrayList<>());
                root.afterCommit(unitOfWork -> stamp(written, request));
                return written;
            });
            messages.forEach(message -> identifiers.add(message.getIdentifier()));
        }
        return (index, message) -> message;
    }

    private void stamp(List<String> identifiers, ServletRequestAttributes request) {
        if (identifiers.isEmpty()) {
            return;
        }
        Long position = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE eventidentifier IN (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(identifiers)), Long.class);
        if (position == null) {
            return;
        }
        Object earlier = request.getAttribute(LAST, RequestAttributes.SCOPE_REQUEST);
        long last = earlier instanceof Long previous ? Math.max(previous, position) : position;
        request.setAttribute(LAST, last, RequestAttributes.SCOPE_REQUEST);
        HttpServletResponse response = request.getResponse();
        if (response != null && !response.isCommitted()) {
            response.setHeader(HEADER, Long.toString(last));
        }
    }
}
