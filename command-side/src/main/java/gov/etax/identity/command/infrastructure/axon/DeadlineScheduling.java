package gov.etax.identity.command.infrastructure.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The db-scheduler behind Axon's {@code DbSchedulerDeadlineManager} (which Axon's auto-configuration
 * builds around this {@link Scheduler}, with its deadline task among {@code tasks}). Deadlines wait in
 * {@code scheduled_tasks} of the events' database; every node polls it, and one node runs each.
 *
 * <ul>
 *   <li>It reads the application's {@link Clock}, as the rules do: a deadline falls due when the rules
 *       say the moment has come (and tests that move time move deadlines with it). It measures its
 *       wait between polls on that clock too: under a clock that stands still (a test's) it polls when
 *       the clock moves or when {@link Scheduler#triggerCheckForDueExecutions()} is called.</li>
 *   <li>A deadline scheduled inside a command's transaction is written in that transaction, so it
 *       exists exactly when the events that asked for it do.</li>
 *   <li>{@code etax.deadlines.polling-interval} (default 10 s): how late after its moment a deadline
 *       may run; {@code etax.deadlines.threads} (default 2): deadlines run at once per node.</li>
 * </ul>
 */
@Configuration
public class DeadlineScheduling {

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                       @Value("${etax.deadlines.polling-interval:10s}") Duration pollingInterval,
                                       @Value("${etax.deadlines.threads:2}") int threads) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Polls once the application (Axon included) has started, and stops first on shutdown, so no
     * deadline runs into an application that is not there.
     */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                scheduler.stop();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }
}
