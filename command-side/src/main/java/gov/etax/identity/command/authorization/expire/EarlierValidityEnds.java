package gov.etax.identity.command.authorization.expire;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorizations pending or in force since before their ends were deadlines: migration V42 asks, once,
 * for this task, and the node that picks it schedules their deadlines from {@code authorization_claim}
 * (which holds exactly the pending and active ones, with their end of validity), all in one
 * transaction. An end already past falls due at once.
 */
@Configuration
class EarlierValidityEnds {

    static final String TASK = "earlier-validity-ends";

    @Bean
    Task<Void> earlierValidityEndsTask(ObjectProvider<ValidityEndDeadlines> deadlines, JdbcTemplate jdbc,
                                       TransactionTemplate transaction) {
        // Looked up when the task runs: the deadline manager needs the scheduler, which needs this task.
        return Tasks.oneTime(TASK).execute((instance, context) -> transaction.executeWithoutResult(status -> {
            List<Map.Entry<AuthorizationId, Instant>> ends = jdbc.query(
                    "SELECT authorization_id, valid_until FROM authorization_claim WHERE valid_until IS NOT NULL",
                    (row, number) -> Map.entry(AuthorizationId.parse(row.getString("authorization_id")),
                            row.getTimestamp("valid_until").toInstant()));
            ends.forEach(end -> deadlines.getObject().schedule(end.getKey(), end.getValue()));
        }));
    }
}
