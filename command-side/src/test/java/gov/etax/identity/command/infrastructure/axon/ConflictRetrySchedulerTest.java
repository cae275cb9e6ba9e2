package gov.etax.identity.command.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

class ConflictRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(executor, 3, 20);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    @DisplayName("A lost race is sent again, with a longer pause each time, until the attempts run out")
    void conflictsAreRetriedBoundedWithBackoff() {
        ConcurrencyException lostAppend = new ConcurrencyException("sequence 3 already taken");
        assertThat(scheduler.delayBeforeRetry(lostAppend, 1)).isEqualTo(20);
        assertThat(scheduler.delayBeforeRetry(lostAppend, 2)).isEqualTo(40);
        assertThat(scheduler.delayBeforeRetry(lostAppend, 3)).isEqualTo(60);
        assertThat(scheduler.delayBeforeRetry(lostAppend, 4)).isEqualTo(ConflictRetryScheduler.NO_RETRY);
    }

    @Test
    @DisplayName("Conflicts are a lost append, a duplicate key, a serialization failure or a deadlock, on PostgreSQL and H2")
    void whatIsAConflict() {
        assertThat(ConflictRetryScheduler.isConflict(new IllegalStateException("wrapped",
                new ConcurrencyException("lost append")))).isTrue();
        assertThat(ConflictRetryScheduler.isConflict(new DuplicateKeyException("relationship row"))).isTrue();
        assertThat(ConflictRetryScheduler.isConflict(new CannotAcquireLockException("lock"))).isTrue();
        for (String state : List.of("23505", "40001", "40P01")) {
            assertThat(ConflictRetryScheduler.isConflict(new DataIntegrityViolationException("x",
                    new SQLException("conflict", state)))).as(state).isTrue();
        }
        BatchUpdateException batch = new BatchUpdateException("batch", "42000", new int[0]);
        batch.setNextException(new SQLException("duplicate key value", "23505"));
        assertThat(ConflictRetryScheduler.isConflict(batch)).as("in a batch's next exception").isTrue();
    }

    @Test
    @DisplayName("A refusal, a missing aggregate or any other failure is final: never sent again")
    void everythingElseIsFinal() {
        assertThat(scheduler.delayBeforeRetry(CommonReason.ACCESS_DENIED.refusal(), 1))
                .isEqualTo(ConflictRetryScheduler.NO_RETRY);
        Refusal refusalAfterConflict = new Refusal(CommonReason.SERVICE_UNAVAILABLE);
        refusalAfterConflict.initCause(new DuplicateKeyException("x"));
        assertThat(scheduler.delayBeforeRetry(refusalAfterConflict, 1)).isEqualTo(ConflictRetryScheduler.NO_RETRY);
        assertThat(scheduler.delayBeforeRetry(new AggregateNotFoundException("a-1", "not found"), 1))
                .isEqualTo(ConflictRetryScheduler.NO_RETRY);
        assertThat(scheduler.delayBeforeRetry(new IllegalStateException("bug"), 1))
                .isEqualTo(ConflictRetryScheduler.NO_RETRY);
        assertThat(scheduler.delayBeforeRetry(new DataIntegrityViolationException("x",
                new SQLException("not null", "23502")), 1)).isEqualTo(ConflictRetryScheduler.NO_RETRY);
    }

    @Test
    @DisplayName("A retry is scheduled on the executor and counted; an exhausted command is not scheduled")
    void schedulesOnTheExecutor() throws Exception {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        failures.add(failure());
        CountDownLatch sent = new CountDownLatch(1);
        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new DuplicateKeyException("x"), failures, sent::countDown);
        assertThat(scheduled).isTrue();
        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.conflictsMet()).isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            failures.add(failure());
        }
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"),
                new DuplicateKeyException("x"), failures, () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] failure() {
        return new Class[] {DuplicateKeyException.class};
    }
}
