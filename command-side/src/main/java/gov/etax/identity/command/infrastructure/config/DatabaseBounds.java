package gov.etax.identity.command.infrastructure.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Bounds every statement, commit included, and every pause inside a transaction on the command side's
 * PostgreSQL connections. Appends are serialized (one transaction at a time holds the append lock from
 * its event insert to its commit, docs/adr/0002-appends-in-commit-order.md), so a transaction that
 * stalls there stalls every writer: the server cuts it off, it rolls back, and the caller gets 503
 * instead of a 201 for something that may never commit.
 *
 * <ul>
 *   <li>{@code etax.database.statement-timeout} (default 5 s): PostgreSQL's {@code statement_timeout},
 *       which also covers waiting for the append lock and the COMMIT statement.</li>
 *   <li>{@code etax.database.idle-in-transaction-timeout} (default 5 s): a transaction left idle
 *       between statements longer than this has its session terminated.</li>
 *   <li>{@code etax.database.socket-timeout} (default 15 s): the driver gives up on a server that
 *       stopped answering at all (a network partition, where the server-side bounds cannot act).</li>
 * </ul>
 * Set as the driver's startup {@code options}, so they hold from a connection's first statement and cost
 * no round trip. H2 (development, one node) has no such settings and is left alone. Flyway migrates
 * through the same pool: a migration that needs longer sets {@code SET LOCAL statement_timeout} itself.
 */
@Configuration
public class DatabaseBounds {

    @Bean
    static BeanPostProcessor statementBoundsOnPostgres(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    Duration statement = environment.getProperty("etax.database.statement-timeout", Duration.class,
                            Duration.ofSeconds(5));
                    Duration idle = environment.getProperty("etax.database.idle-in-transaction-timeout", Duration.class,
                            Duration.ofSeconds(5));
                    Duration socket = environment.getProperty("etax.database.socket-timeout", Duration.class,
                            Duration.ofSeconds(15));
                    Object given = pool.getDataSourceProperties().get("options");
                    pool.addDataSourceProperty("options", (given == null ? "" : given + " ")
                            + "-c statement_timeout=" + statement.toMillis()
                            + " -c idle_in_transaction_session_timeout=" + idle.toMillis());
                    pool.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, socket.toSeconds())));
                }
                return bean;
            }
        };
    }
}
