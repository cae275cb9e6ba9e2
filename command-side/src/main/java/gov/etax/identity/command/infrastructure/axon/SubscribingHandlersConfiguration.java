package gov.etax.identity.command.infrastructure.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Event handlers on the command side keep look-up tables (and send what a change implies) in the
 * transaction of the command whose events they follow: their processors subscribe, and a failing
 * handler fails that command (a lost race on a unique key rolls the whole unit of work back) instead
 * of being logged and skipped, Axon's default.
 */
@Configuration
public class SubscribingHandlersConfiguration {

    @Autowired
    void handlersFailTheirCommand(EventProcessingConfigurer processing) {
        processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
