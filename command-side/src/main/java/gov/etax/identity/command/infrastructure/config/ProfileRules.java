package gov.etax.identity.command.infrastructure.config;

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
 * Runs once the configuration files are read and before any bean exists: without the dev profile
 * the production settings must all be there (the message names each missing one); with dev the
 * generated dev keys stand in (see command-side-dev.yml).
 */
public class ProfileRules implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final List<Setting> REQUIRED = List.of(
            Setting.secret("etax.privacy.master-key", "ETAX_MASTER_KEY"),
            Setting.secret("etax.privacy.lookup-key", "ETAX_LOOKUP_KEY"),
            Setting.secret("etax.security.session-signing-key", "ETAX_SESSION_SIGNING_KEY"),
            Setting.of("etax.security.staff-issuer", "ETAX_STAFF_ISSUER"),
            Setting.secret("etax.security.staff-public-key", "ETAX_STAFF_PUBLIC_KEY"),
            Setting.of("etax.outside.face-verification.url", "ETAX_FACE_VERIFICATION_URL"),
            Setting.of("etax.outside.face-verification.client-id", "ETAX_FACE_VERIFICATION_CLIENT_ID"),
            Setting.secret("etax.outside.face-verification.client-secret", "ETAX_FACE_VERIFICATION_CLIENT_SECRET"),
            Setting.of("etax.outside.sms-gateway.url", "ETAX_SMS_GATEWAY_URL"),
            Setting.of("etax.outside.sms-gateway.client-id", "ETAX_SMS_GATEWAY_CLIENT_ID"),
            Setting.secret("etax.outside.sms-gateway.client-secret", "ETAX_SMS_GATEWAY_CLIENT_SECRET"),
            Setting.of("etax.outside.identity-register.url", "ETAX_IDENTITY_REGISTER_URL"),
            Setting.of("etax.outside.identity-register.client-id", "ETAX_IDENTITY_REGISTER_CLIENT_ID"),
            Setting.secret("etax.outside.identity-register.client-secret", "ETAX_IDENTITY_REGISTER_CLIENT_SECRET"));

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
