package gov.etax.identity.query.infrastructure.config;

import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The transactions Axon opens on the query side: a processor's batch with its token, a reset, the
 * token store's claims. They get a timeout of their own ({@code etax.projections.transaction-timeout},
 * 60 s), longer than a web request's ({@code spring.transaction.default-timeout}, 10 s): a batch of
 * {@code batch-size} events on a loaded machine must not time out halfway, since a timed-out batch is
 * handled again from its start.
 */
@Configuration
public class ProjectionTransactions {

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions,
                                                     @Value("${etax.projections.transaction-timeout:60s}") Duration timeout) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setTimeout(Math.toIntExact(timeout.toSeconds()));
        return new SpringTransactionManager(transactions, definition);
    }
}
