package gov.etax.identity.command.infrastructure.config;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /**
     * Argon2id, natively where the library loads (else the pure-Java fallback), at OWASP's minimum
     * unless configured stronger; see docs/performance.md, "Password hashing". Replaceable, so a
     * test can hold every hashing permit.
     */
    @Bean
    @ConditionalOnMissingBean(PasswordEncoder.class)
    public PasswordEncoder passwordEncoder(
            @Value("${etax.password-hashing.implementation:native}") Argon2PasswordEncoders.Implementation implementation,
            @Value("${etax.password-hashing.memory-kib:19456}") int memoryKib,
            @Value("${etax.password-hashing.iterations:2}") int iterations,
            @Value("${etax.password-hashing.parallelism:1}") int parallelism,
            @Value("${etax.password-hashing.concurrent:#{T(java.lang.Runtime).getRuntime().availableProcessors()}}")
            int concurrentHashes,
            @Value("${etax.password-hashing.max-wait:500ms}") Duration maxWait,
            @Value("${etax.password-hashing.retry-after:1s}") Duration retryAfter,
            Clock clock) {
        Argon2Settings settings = new Argon2Settings(memoryKib, iterations, parallelism,
                Argon2Settings.OWASP_MINIMUM.saltLength(), Argon2Settings.OWASP_MINIMUM.hashLength());
        return new BoundedPasswordEncoder(Argon2PasswordEncoders.create(settings, implementation), concurrentHashes,
                maxWait, retryAfter, clock);
    }
}
