package gov.etax.identity.command.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.command.infrastructure.axon.TargetRefusalsTest.Change;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** The gateway end to end on a local bus: retries on the scheduler's thread, the caller hears the last answer. */
class RefusingCommandGatewayTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler retries = new ConflictRetryScheduler(executor, 3, 1);
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final RefusingCommandGateway gateway = new RefusingCommandGateway(
            DefaultCommandGateway.builder().commandBus(bus).retryScheduler(retries),
            new TargetRefusals(List.of(TargetRefusalsTest.ACCOUNTS)));
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** The handler of Change (an Account's command) answers the n-th attempt (1, 2, ...) as told. */
    private void handle(IntFunction<Object> attempt) {
        bus.subscribe(Change.class.getName(), message -> {
            Object answer = attempt.apply(attempts.incrementAndGet());
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
            return answer;
        });
    }

    @Test
    @DisplayName("A race lost twice is won on the third attempt: the caller hears only the success")
    void lostRacesAreSentAgain() {
        handle(n -> n < 3 ? new DuplicateKeyException("relationship row") : "changed");

        Object result = gateway.sendAndWait(new Change("a-1"));

        assertThat(result).isEqualTo("changed");
        assertThat(attempts).hasValue(3);
        assertThat(retries.conflictsMet()).isEqualTo(2);
    }

    @Test
    @DisplayName("A race lost on every attempt ends in the target's conflict refusal, never the raw failure")
    void exhaustedConflictsAreRefused() {
        handle(n -> new ConcurrencyException("sequence taken"));

        assertThatThrownBy(() -> gateway.sendAndWait(new Change("a-1")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(CommonReason.SERVICE_UNAVAILABLE));
        assertThat(attempts).hasValue(4);
    }

    @Test
    @DisplayName("A missing aggregate is the target's not-found refusal at once; a refusal passes unchanged, not retried")
    void finalFailures() {
        handle(n -> n == 1 ? new AggregateNotFoundException("a-1", "not found") : CommonReason.ACCESS_DENIED.refusal());

        assertThatThrownBy(() -> gateway.sendAndWait(new Change("a-1")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(CommonReason.PERSON_NOT_FOUND));
        assertThatThrownBy(() -> gateway.sendAndWait(new Change("a-1")))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(CommonReason.ACCESS_DENIED));
        assertThat(attempts).hasValue(2);
        assertThat(retries.conflictsMet()).isZero();
    }
}
