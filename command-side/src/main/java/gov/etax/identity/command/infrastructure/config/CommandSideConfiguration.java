package gov.etax.identity.command.infrastructure.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.ObjectProvider;
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
     * The door of the requests that hash: refused at once, before their other work, when a permit
     * could not come within the bounded wait (docs/performance.md, "Password hashing").
     */
    @Bean
    @ConditionalOnMissingBean
    public HashingAdmission hashingAdmission(
            @Value("${etax.password-hashing.concurrent:#{T(java.lang.Runtime).getRuntime().availableProcessors()}}")
            int concurrentHashes,
            @Value("${etax.password-hashing.max-wait:500ms}") Duration maxWait,
            @Value("${etax.password-hashing.retry-after:1s}") Duration retryAfter,
            Clock clock) {
        return new HashingAdmission(concurrentHashes, maxWait, retryAfter, clock);
    }

    /**
     * Argon2id, natively where the library loads (else the pure-Java fallback), at OWASP's minimum
     * unless configured stronger; see docs/performance.md, "Password hashing". Replaceable, so a
     * test can hold every hashing permit. The CPU time of each hash is the timer
     * {@code etax.password.hash.cpu}: how much of the machine the passwords take, under any load.
     */
    @Bean
    @ConditionalOnMissingBean(PasswordEncoder.class)
    public PasswordEncoder passwordEncoder(
            @Value("${etax.password-hashing.implementation:native}") Argon2PasswordEncoders.Implementation implementation,
            @Value("${etax.password-hashing.memory-kib:19456}") int memoryKib,
            @Value("${etax.password-hashing.iterations:2}") int iterations,
            @Value("${etax.password-hashing.parallelism:1}") int parallelism,
            Clock clock, ObjectProvider<MeterRegistry> meters, HashingAdmission admission) {
        Argon2Settings settings = new Argon2Settings(memoryKib, iterations, parallelism,
                Argon2Settings.OWASP_MINIMUM.saltLength(), Argon2Settings.OWASP_MINIMUM.hashLength());
        MeterRegistry registry = meters.getIfAvailable();
        Timer hashCpu = registry == null ? null : Timer.builder("etax.password.hash.cpu")
                .description("CPU time of one password hash, on the thread that hashed")
                .register(registry);
        LongConsumer hashCpuNanos = hashCpu == null ? nanos -> { } : nanos -> hashCpu.record(nanos, TimeUnit.NANOSECONDS);
        return new BoundedPasswordEncoder(Argon2PasswordEncoders.create(settings, implementation), clock, hashCpuNanos,
                admission);
    }
}
