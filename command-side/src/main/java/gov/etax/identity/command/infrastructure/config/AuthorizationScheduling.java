package gov.etax.identity.command.infrastructure.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} for the authorization expiry sweeper (authorization/expire/). */
@Configuration
@EnableScheduling
public class AuthorizationScheduling {
}
