package gov.etax.identity.command.infrastructure.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Event handlers on the command side keep look-up tables for set-based rules (who holds which
 * relationship, which document or phone is claimed). They run in the command's own unit of work,
 * as subscribers, and a failure fails the command: a unique key that a concurrent command won
 * rolls everything back and the gateway's retry policy sends the command again, to be decided on
 * the new state. Axon's default would log the failure and commit the events without their row.
 */
@Configuration
public class LookupTableProcessing {

    @Bean
    ConfigurerModule lookupTablesInTheCommandsTransaction() {
        return configurer -> configurer.eventProcessing()
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
