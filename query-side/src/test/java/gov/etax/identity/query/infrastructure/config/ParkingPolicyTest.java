package gov.etax.identity.query.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.TransactionTimedOutException;

class ParkingPolicyTest {

    private final ParkingPolicy policy = new ParkingPolicy();
    private final GenericDeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("person-1", GenericEventMessage.asEventMessage("registered"));

    @Test
    @DisplayName("A row the database refuses parks the event, with the cause cut to what the table keeps")
    void faultOfTheEventParksIt() {
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter,
                new DataIntegrityViolationException("x".repeat(5000)));
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause().orElseThrow().getMessage()).hasSize(1023);
    }

    @Test
    @DisplayName("A fault of the moment (timeout, connection) parks nothing: it fails the batch, which is handled again")
    void faultOfTheMomentFailsTheBatch() {
        TransactionTimedOutException timedOut = new TransactionTimedOutException("deadline passed");
        assertThatThrownBy(() -> policy.decide(letter, timedOut)).isSameAs(timedOut);
        QueryTimeoutException slow = new QueryTimeoutException("slow");
        assertThatThrownBy(() -> policy.decide(letter, new IllegalStateException("wrapped", slow))).hasCause(slow);
        assertThatThrownBy(() -> policy.decide(letter, new Exception(new SQLTransientConnectionException("gone"))))
                .isInstanceOf(IllegalStateException.class);
    }
}
