package gov.etax.identity.command.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class TargetRefusalsTest {

    record Open(String id) {
    }

    record Change(String id) {
    }

    record Unrelated(String id) {
    }

    /** An aggregate as Axon sees it: a creating handler and a handler of an existing one. */
    static class Account {

        @CommandHandler
        Account(Open command) {
        }

        @CommandHandler
        void handle(Change command) {
        }
    }

    static final AggregateRefusals ACCOUNTS = new AggregateRefusals() {
        @Override
        public Class<?> aggregateType() {
            return Account.class;
        }

        @Override
        public Reason notFound() {
            return CommonReason.PERSON_NOT_FOUND;
        }

        @Override
        public Optional<Reason> conflicting(Class<?> commandType) {
            return commandType == Change.class ? Optional.of(CommonReason.SERVICE_UNAVAILABLE) : Optional.empty();
        }
    };

    private final TargetRefusals refusals = new TargetRefusals(List.of(ACCOUNTS));

    @Test
    @DisplayName("A missing target is the aggregate's not-found refusal; a conflict left after the retries its conflict refusal")
    void failuresBecomeTheTargetsRefusals() {
        assertThat(refusals.instead(Change.class, new AggregateNotFoundException("a-1", "not found")))
                .map(Refusal::reason).contains(CommonReason.PERSON_NOT_FOUND);
        assertThat(refusals.instead(Change.class, new CommandExecutionException("x", new DuplicateKeyException("k"))))
                .map(Refusal::reason).contains(CommonReason.SERVICE_UNAVAILABLE);
        assertThat(refusals.instead(Open.class, new ConcurrencyException("lost"))).as("no conflict answer").isEmpty();
    }

    @Test
    @DisplayName("A refusal, another failure or a command of another aggregate passes unchanged")
    void everythingElsePasses() {
        assertThat(refusals.instead(Change.class, CommonReason.ACCESS_DENIED.refusal())).isEmpty();
        assertThat(refusals.instead(Change.class, new IllegalStateException("bug"))).isEmpty();
        assertThat(refusals.instead(Unrelated.class, new AggregateNotFoundException("a-1", "not found"))).isEmpty();
    }

    @Test
    @DisplayName("The API description learns the same refusals; a creating command cannot miss its aggregate")
    void reasonsForTheApiDescription() {
        assertThat(refusals.reasons(Change.class))
                .containsExactly(CommonReason.PERSON_NOT_FOUND, CommonReason.SERVICE_UNAVAILABLE);
        assertThat(refusals.reasons(Open.class)).isEmpty();
        assertThat(refusals.reasons(Unrelated.class)).isEmpty();
    }
}
