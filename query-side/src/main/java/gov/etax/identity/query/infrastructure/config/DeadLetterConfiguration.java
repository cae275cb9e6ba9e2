package gov.etax.identity.query.infrastructure.config;

import gov.etax.identity.query.infrastructure.persistence.BatchedWrites;
import gov.etax.identity.query.infrastructure.persistence.ProjectionSavepoints;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Every projection (processing group) parks the events it cannot handle in Axon's sequenced dead-letter
 * queue, table {@code deadletterentry} (Flyway, {@code V20__dead_letters.sql}), in the same database
 * and transaction as its read model and token. Later events of the same aggregate wait behind the
 * dead letter; other aggregates go on. docs/architecture.md, "Errors and dead letters".
 *
 * <ul>
 *   <li>Only faults of the event or the projection park it ({@link ParkingPolicy}); a fault of the moment
 *       (database away, timeout, deadlock) fails the batch, which the processor handles again.</li>
 *   <li>Handler errors propagate (to the dead-lettering invoker) instead of being logged and skipped,
 *       after {@link ProjectionSavepoints} has undone the event's writes.</li>
 *   <li>A replay clears the projection's dead letters: they are events of the old read model.</li>
 *   <li>A retry runs each dead letter in a savepoint of the retry's transaction. Its transaction
 *       manager leaves a failed letter's rollback to that savepoint instead of marking the whole retry
 *       for rollback, so the letter can be put back with its new cause.</li>
 * </ul>
 */
@Configuration
public class DeadLetterConfiguration {

    /** Not a bean of its own: Axon would register interceptor beans with every processor a second time. */
    @Bean
    public ConfigurerModule deadLetterQueues(ListableBeanFactory beans, BatchedWrites writes,
                                             ConnectionProvider connectionProvider,
                                             EntityManagerFactory entityManagerFactory, DataSource dataSource,
                                             PlatformTransactionManager platformTransactionManager,
                                             @Value("${etax.projections.transaction-timeout:60s}") Duration batchTimeout) {
        ProjectionSavepoints savepoints = new ProjectionSavepoints(dataSource, entityManagerFactory, writes);
        // One kind of transaction for everything a processor does, so that each joins the other's: JPA's
        // cannot join a JDBC transaction, nor JDBC's a JPA one (ProjectionTransactions).
        TransactionManager batches = ProjectionTransactions.jdbc(dataSource, batchTimeout, true);
        TransactionManager retries = retryTransactions(dataSource, platformTransactionManager);
        List<String> groups = processingGroups(beans);
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerDefaultDeadLetterPolicy(configuration -> new ParkingPolicy());
            processing.registerDefaultHandlerInterceptor((configuration, processor) -> savepoints);
            // Per group, not as a provider: Axon's Spring Boot module registers its own provider (for
            // the dlq.enabled properties), which would replace this one.
            for (String group : groups) {
                processing.registerTransactionManager(group, configuration -> batches);
                processing.registerDeadLetterQueue(group, configuration ->
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .connectionProvider(connectionProvider)
                                .transactionManager(batches)
                                .schema(DeadLetterSchema.defaultSchema())
                                .genericSerializer(configuration.serializer())
                                .eventSerializer(configuration.eventSerializer())
                                .build());
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, invoker) -> invoker.allowReset(true).transactionManager(retries)
                                .listenerInvocationErrorHandler(savepoints)
                                // Without it every event asks the table whether its aggregate waits behind a
                                // dead letter; with it a segment that started with none asks only for the
                                // aggregates it parked since (docs/adr/0040).
                                .enableSequenceIdentifierCache());
            }
        });
    }

    /** A web request's timeout: retries are asked for over HTTP. */
    private static TransactionManager retryTransactions(DataSource dataSource, PlatformTransactionManager main) {
        int timeout = main instanceof AbstractPlatformTransactionManager configured ? configured.getDefaultTimeout() : -1;
        return ProjectionTransactions.jdbc(dataSource, timeout > 0 ? Duration.ofSeconds(timeout) : Duration.ZERO, false);
    }

    /** The names of the processing groups of this application's event handlers. */
    public static List<String> processingGroups(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .distinct().sorted().toList();
    }
}
