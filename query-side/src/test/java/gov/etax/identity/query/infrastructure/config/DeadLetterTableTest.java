package gov.etax.identity.query.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.command.support.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dead-letter table of {@code V20__dead_letters.sql} takes every statement of Axon's JDBC dead-letter
 * queue, on PostgreSQL (bytea) and on H2 in PostgreSQL mode ({@code make run}'s store): park, wait behind,
 * list, put back with a new cause, take out.
 */
class DeadLetterTableTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    @DisplayName("Axon's dead-letter statements run on the Flyway-made table")
    void queueWorksOnTheMigratedTable(String vendor) throws Exception {
        PostgresTestDatabase postgres = "postgresql".equals(vendor) ? PostgresTestDatabase.create() : null;
        String url = postgres != null ? postgres.url()
                : "jdbc:h2:mem:dlq" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        String user = postgres != null ? postgres.user() : "sa";
        try (Connection keepAlive = DriverManager.getConnection(url, user, "")) {
            try (Statement sql = keepAlive.createStatement()) {
                for (String statement : Files.readString(Path.of("src/main/resources/db/migration/query/V20__dead_letters.sql"))
                        .replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        sql.execute(statement);
                    }
                }
            }
            ConnectionProvider connections = () -> DriverManager.getConnection(url, user, "");
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup("person-accounts")
                    .connectionProvider(connections)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .schema(DeadLetterSchema.defaultSchema())
                    .genericSerializer(serializer)
                    .eventSerializer(serializer)
                    .build();

            String person = "person-" + UUID.randomUUID();
            queue.enqueue(person, new GenericDeadLetter<>(person, event(person, 0, "registered"),
                    new IllegalStateException("x".repeat(5000))));
            assertThat(queue.enqueueIfPresent(person, () -> new GenericDeadLetter<>(person, event(person, 1, "phone bound"))))
                    .isTrue();
            assertThat(queue.enqueueIfPresent("person-other", () -> new GenericDeadLetter<>("person-other",
                    event("person-other", 0, "registered")))).isFalse();
            assertThat(queue.size()).isEqualTo(2);
            assertThat(queue.amountOfSequences()).isEqualTo(1);
            List<Object> payloads = new ArrayList<>();
            queue.deadLetterSequence(person).forEach(letter -> payloads.add(letter.message().getPayload()));
            assertThat(payloads).containsExactly("registered", "phone bound");

            // still failing: put back with its new cause
            assertThat(queue.process(letter -> true, letter -> Decisions.requeue(new IllegalStateException("again"))))
                    .isFalse();
            assertThat(queue.size()).isEqualTo(2);
            AtomicReference<String> cause = new AtomicReference<>();
            DeadLetter<? extends EventMessage<?>> first = queue.deadLetterSequence(person).iterator().next();
            first.cause().ifPresent(c -> cause.set(c.message()));
            assertThat(cause.get()).isEqualTo("again");

            // handled: taken out, the whole sequence
            assertThat(queue.process(letter -> true, letter -> Decisions.evict())).isTrue();
            assertThat(queue.size()).isZero();
            assertThat(queue.contains(person)).isFalse();

            queue.enqueue(person, new GenericDeadLetter<>(person, event(person, 2, "username changed"),
                    ThrowableCause.truncated(new IllegalStateException("y"))));
            queue.clear();
            assertThat(queue.size()).isZero();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static EventMessage<?> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("NaturalPerson", aggregate, sequence, payload);
    }
}
