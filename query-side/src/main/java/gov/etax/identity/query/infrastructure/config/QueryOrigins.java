package gov.etax.identity.query.infrastructure.config;

import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.stereotype.Component;

/**
 * The correlation data Axon copies from the message being handled onto the messages made while handling
 * it: the origin (correlation and trace ids) of queries, as Axon's {@link MessageOriginProvider} gives it,
 * and nothing for the events the projections handle. Taking an event's origin deserializes its metadata
 * for every event and processor only to stamp the handler's result, which nobody keeps: a tenth of
 * the CPU of a replay (docs/performance.md, "Replay of a million events"). Being a provider of its own,
 * it replaces Axon's default one.
 */
@Component
public class QueryOrigins implements CorrelationDataProvider {

    private final MessageOriginProvider origin = new MessageOriginProvider();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof EventMessage<?> ? Map.of() : origin.correlationDataFor(message);
    }
}
