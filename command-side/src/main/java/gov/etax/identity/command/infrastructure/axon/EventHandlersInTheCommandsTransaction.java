package gov.etax.identity.command.infrastructure.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's event handlers (deadlines to schedule, and the like) run in the unit of work
 * of the command whose events they handle: subscribing processors, whose failure fails the command.
 * What they write then commits with the events or not at all. The command side keeps no tracking
 * tokens: following the event store is the query side's business.
 */
@Configuration
public class EventHandlersInTheCommandsTransaction {

    @Bean
    ConfigurerModule subscribingEventProcessors() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(axon -> PropagatingErrorHandler.instance());
    }
}
