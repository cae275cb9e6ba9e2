package gov.etax.identity.query.admin;

import gov.etax.identity.query.infrastructure.config.DeadLetterConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The events each projection could not handle (Axon's dead-letter queue per processing group): their
 * count (gauge {@code etax_projection_dead_letters{processor=…}}), the list, and the retry of their
 * sequences once the cause is fixed.
 */
@Component
public class ProjectionDeadLetters {

    static final String GAUGE = "etax.projection.dead.letters";
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    private final EventProcessingConfiguration processing;

    public ProjectionDeadLetters(EventProcessingConfiguration processing, ListableBeanFactory beans,
                                 MeterRegistry meters) {
        this.processing = processing;
        for (String group : DeadLetterConfiguration.processingGroups(beans)) {
            Gauge.builder(GAUGE, this, deadLetters -> deadLetters.countOrNaN(group))
                    .tag("processor", group)
                    .description("Events the projection could not handle, parked with the later events of their aggregates")
                    .register(meters);
        }
    }

    /** Dead letters per projection that has a dead-letter queue, by name. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : processing.eventProcessors().keySet().stream().sorted().toList()) {
            processing.deadLetterQueue(name).ifPresent(queue -> counts.put(name, queue.size()));
        }
        return counts;
    }

    private double countOrNaN(String name) {
        try {
            return processing.deadLetterQueue(name).map(queue -> (double) queue.size()).orElse(0.0);
        } catch (RuntimeException e) {
            LOG.debug("Could not count the dead letters of {}", name, e);
            return Double.NaN;
        }
    }

    public DeadLetterList list(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        List<DeadLetterList.Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(letter(letter));
            }
        }
        return new DeadLetterList(name, letters.size(), letters);
    }

    /**
     * Handles each parked sequence again, oldest event first; a sequence that fails again stays parked
     * from the failing event on, with its new cause.
     */
    public RetryOutcome retry(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> notFound(name));
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            long size = 0;
            String id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                id = id == null ? sequenceOf(letter) : id;
                size++;
            }
            if (id != null) {
                sequences.put(id, size);
            }
        }
        List<RetryOutcome.Sequence> retried = new ArrayList<>();
        List<RetryOutcome.Sequence> stillFailing = new ArrayList<>();
        sequences.forEach((sequence, size) -> {
            try {
                processor.process(first -> sequence.equals(sequenceOf(first)));
            } catch (RuntimeException e) {
                LOG.warn("Retry of the dead letters of {} in {} failed", sequence, name, e);
            }
            long left = queue.sequenceSize(sequence);
            if (left == 0) {
                retried.add(new RetryOutcome.Sequence(sequence, size, null, null));
            } else {
                Optional<Cause> cause = firstCause(queue, sequence);
                stillFailing.add(new RetryOutcome.Sequence(sequence, left, cause.map(Cause::type).orElse(null),
                        cause.map(Cause::message).orElse(null)));
            }
        });
        LOG.info("Retried the dead letters of {}: {} sequences handled, {} still failing", name, retried.size(),
                stillFailing.size());
        return new RetryOutcome(name, retried, stillFailing, queue.size());
    }

    private static Optional<Cause> firstCause(SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            return letter.cause();
        }
        return Optional.empty();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processing.deadLetterQueue(name).orElseThrow(() -> notFound(name));
    }

    private static RuntimeException notFound(String name) {
        return ProjectionAdminReason.PROJECTION_NOT_FOUND.refusal().with("projection", name);
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
    }

    private static DeadLetterList.Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregate = null;
        Long sequenceNumber = null;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregate = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
        }
        Long index = letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIndex() : null;
        Optional<Cause> cause = letter.cause();
        return new DeadLetterList.Letter(sequenceOf(letter), index, event.getIdentifier(), event.getPayloadType().getName(),
                aggregate, sequenceNumber, event.getTimestamp().toString(), letter.enqueuedAt().toString(),
                letter.lastTouched().toString(), cause.map(Cause::type).orElse(null),
                cause.map(Cause::message).orElse(null));
    }

    /**
     * The dead letters of a projection, sequence by sequence, oldest first within each.
     *
     * @param projection the processing group
     * @param count      how many events are parked
     */
    public record DeadLetterList(String projection, long count, List<Letter> letters) {

        /**
         * @param sequence       the sequence the event waits in (its aggregate's identifier)
         * @param index          its place in that sequence
         * @param eventType      the event's class
         * @param aggregateId    the aggregate that published it
         * @param sequenceNumber its number within the aggregate
         * @param cause          why it was parked (the first event of a sequence); later events only wait
         */
        public record Letter(String sequence, Long index, String eventIdentifier, String eventType, String aggregateId,
                             Long sequenceNumber, String timestamp, String enqueuedAt, String lastTouched,
                             String causeType, String cause) {
        }
    }

    /**
     * What a retry did.
     *
     * @param retried      sequences now handled completely and gone from the queue
     * @param stillFailing sequences parked again, with the events left and the cause
     * @param deadLetters  events still parked in this projection
     */
    public record RetryOutcome(String projection, List<Sequence> retried, List<Sequence> stillFailing, long deadLetters) {

        public record Sequence(String sequence, long events, String causeType, String cause) {
        }
    }
}
