package gov.etax.identity.command.infrastructure.axon;

import gov.etax.identity.kernel.refusal.Refusal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local command bus, as Axon's auto-configuration builds it, but for one rule: a command
 * handler refuses by throwing a {@link Refusal}, and a refusal marked {@link Refusal#recorded()}
 * commits the events its handler applied before refusing. Every other failure, refusals included,
 * rolls the whole unit of work back. The gateway in front of it retries lost races
 * ({@link ConflictRetryScheduler}) and answers what is left with the target's refusal
 * ({@link RefusingCommandGateway}).
 */
@Configuration
public class CommandBusConfiguration {

    /** Unchecked exceptions roll back, as by default, except a recorded refusal. */
    public static final RollbackConfiguration RECORDED_REFUSALS_COMMIT = failure ->
            !(failure instanceof Refusal refusal && refusal.isRecorded())
                    && (failure instanceof RuntimeException || failure instanceof Error);

    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(TransactionManager transactionManager,
                                       org.axonframework.config.Configuration axon,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(RECORDED_REFUSALS_COMMIT)
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return commandBus;
    }

    /** Recognises a lost append race on PostgreSQL and H2 alike (see UniqueViolationResolver). */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /** Up to 8 retries, 20 ms apart and then longer: at most about 0.7 s of pauses for one command. */
    @Bean
    public ConflictRetryScheduler conflictRetryScheduler() {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return new ConflictRetryScheduler(retries, 8, 20);
    }

    @Bean
    public TargetRefusals targetRefusals(List<AggregateRefusals> aggregates) {
        return new TargetRefusals(aggregates);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler retries,
                                         TargetRefusals refusals) {
        return new RefusingCommandGateway(DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries),
                refusals);
    }
}
