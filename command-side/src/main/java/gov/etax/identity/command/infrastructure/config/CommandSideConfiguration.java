package gov.etax.identity.command.infrastructure.config;

import java.time.Clock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
public class CommandSideConfiguration {

    /** Injectable so tests can move time (token expiry, and later lockout across midnight). */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Events take their timestamps from the same clock the rules read, so that a lockout's day
     * and the day in the history agree (and tests can move both).
     */
    @Bean
    SmartInitializingSingleton eventTimestampsFollowClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    /** Argon2id with Spring Security's 5.8 parameters (16 MiB, 2 iterations). */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }
}
