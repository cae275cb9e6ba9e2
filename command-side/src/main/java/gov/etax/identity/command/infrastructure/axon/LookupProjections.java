package gov.etax.identity.command.infrastructure.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every event handler of the command side keeps a look-up table that a later command reads before
 * deciding (a unique phone, an open session). Its processor is subscribing, so the handler runs in
 * the transaction of the command that applied the event; a failure there (a lost race on a unique
 * key) is thrown, not logged, so that it fails the whole unit of work.
 */
@Configuration
public class LookupProjections {

    @Autowired
    void subscribing(EventProcessingConfigurer processing) {
        processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
