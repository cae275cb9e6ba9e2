package gov.etax.identity.command.infrastructure.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the modules' periodic work, such as the sweep of expired authorizations. */
@Configuration
@EnableScheduling
public class Scheduling {
}
