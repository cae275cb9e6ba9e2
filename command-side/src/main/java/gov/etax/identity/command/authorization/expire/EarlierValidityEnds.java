package gov.etax.identity.command.authorization.expire;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorizations pending or in force since before their ends were deadlines: migration V42 asks, once,
 * for this task, and the node that picks it schedules their deadlines from {@code authorization_claim}
 * (which holds exactly the pending and active ones, with their end of validity), all in one
 * transaction. An end already past falls due at once.
 */
@Service
class EarlierValidityEnds extends OneTimeTask<Void> {

    private final ObjectProvider<ValidityEndDeadlines> deadlines;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    /** The deadlines are looked up when the task runs: their manager needs the scheduler, which needs this task. */
    EarlierValidityEnds(ObjectProvider<ValidityEndDeadlines> deadlines, JdbcTemplate jdbc, TransactionTemplate transaction) {
        super("earlier-validity-ends", Void.class);
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
        transaction.executeWithoutResult(status -> {
            List<Map.Entry<AuthorizationId, Instant>> ends = jdbc.query(
                    "SELECT authorization_id, valid_until FROM authorization_claim WHERE valid_until IS NOT NULL",
                    (row, number) -> Map.entry(AuthorizationId.parse(row.getString("authorization_id")),
                            row.getTimestamp("valid_until").toInstant()));
            ends.forEach(end -> deadlines.getObject().schedule(end.getKey(), end.getValue()));
        });
    }
}
