package gov.etax.identity.query.infrastructure.config;

import gov.etax.identity.kernel.config.StartupRules;
import gov.etax.identity.kernel.config.StartupRules.Setting;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The query side's start-up rules, the command side's counterpart: production settings named when
 * missing, published development keys refused, dev and prod never together; in dev the same key
 * ring as the command side (query-side-dev.yml), so both agree on the master key and the staff key.
 */
public class ProfileRules implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final List<Setting> REQUIRED = List.of(
            Setting.secret("etax.privacy.master-key", "ETAX_MASTER_KEY"),
            Setting.of("etax.security.session-jwks-uri", "ETAX_SESSION_JWKS_URI"),
            Setting.of("etax.security.staff-issuer", "ETAX_STAFF_ISSUER"),
            Setting.secret("etax.security.staff-public-key", "ETAX_STAFF_PUBLIC_KEY"));

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        StartupRules.check(Set.of(environment.getActiveProfiles()), environment::getProperty, REQUIRED)
                .ifPresent(devKeys -> environment.getPropertySources()
                        .addLast(new MapPropertySource("etax-dev-keys", Map.copyOf(devKeys))));
    }

    /** After Spring Boot has read the configuration files and settled the profiles. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
