package gov.etax.identity.query.infrastructure.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The transactions Axon opens on the query side: a processor's batch with its token, a reset, the
 * token store's claims. They get a timeout of their own ({@code etax.projections.transaction-timeout},
 * 60 s), longer than a web request's ({@code spring.transaction.default-timeout}, 10 s): a batch of
 * {@code batch-size} events on a loaded machine must not time out halfway, since a timed-out batch is
 * handled again from its start.
 *
 * <p>The processors themselves (their batches, token claims and dead letters) run in plain JDBC transactions
 * ({@link #jdbc}): every handler writes through JDBC, and a JPA transaction opened and closed a Hibernate
 * session for every batch, which for events arriving one at a time is every event of every processor
 * (docs/performance.md, "Projecting a sign-in and a registration"). The bean stays a JPA one: Axon gives it to its query bus,
 * whose handlers read through JPA, which cannot join a JDBC transaction.
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

    /**
     * Plain JDBC transactions on {@code dataSource}, with {@code timeout} unless it is zero. Not a bean: Axon
     * takes the one {@link TransactionManager} bean for its buses. {@code globalRollbackOnParticipationFailure}
     * as in Spring's {@link org.springframework.transaction.support.AbstractPlatformTransactionManager}.
     */
    static TransactionManager jdbc(DataSource dataSource, Duration timeout, boolean globalRollbackOnParticipationFailure) {
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        transactions.setGlobalRollbackOnParticipationFailure(globalRollbackOnParticipationFailure);
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        if (!timeout.isZero()) {
            definition.setTimeout(Math.toIntExact(timeout.toSeconds()));
        }
        return new SpringTransactionManager(transactions, definition);
    }
}
