package gov.etax.identity.command.support;

import gov.etax.identity.command.infrastructure.axon.CommandBusConfiguration;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** Aggregate fixtures that commit a recorded refusal's events, as the application's command bus does. */
public final class RecordedRefusals {

    private RecordedRefusals() {
    }

    public static <T> FixtureConfiguration<T> committedBy(FixtureConfiguration<T> fixture) {
        ((SimpleCommandBus) fixture.getCommandBus()).setRollbackConfiguration(CommandBusConfiguration.RECORDED_REFUSALS_COMMIT);
        return fixture;
    }
}
