package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.security.RsaKeys;
import gov.etax.identity.kernel.security.SessionTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what; docs/security.md has the same table, and a test walks it. */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, SecurityProblems problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/persons/registrations", "/api/sessions",
                                "/api/sms-challenges", "/api/password-resets", "/api/phone-recoveries", "/api/login-tickets",
                                "/api/login-tickets/*/session").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/login-tickets/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/reference/**").permitAll()
                        // Exists only in the dev profile; prod refuses to start with simulators.
                        .requestMatchers("/api/dev/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/actuator/health",
                                "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/tax-authority/**").hasRole("TAX_STAFF")
                        .requestMatchers("/api/me/**", "/api/sessions/current", "/api/sessions/current/**",
                                "/api/special-subject/**", "/api/enterprises/**", "/api/authorizations/**")
                        .hasRole("PERSON")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new Callers()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new PasswordChangeGate(problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Spring Security would observe each filter, authentication and authorization of every request,
     * CPU that every registration and sign-in pays beside its hash (docs/adr/0043-no-per-filter-observations.md).
     * The request itself stays observed ({@code http.server.requests}); the property brings the
     * filters' observations back.
     */
    @Bean
    SecurityObservationSettings securityObservations(
            @Value("${management.observations.enable.spring.security:false}") boolean observe) {
        return observe ? SecurityObservationSettings.withDefaults().build() : SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(SessionTokenIssuer issuer, SecurityProperties properties, SessionLookup sessions,
                          Clock clock) {
        NimbusJwtDecoder persons = NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build();
        persons.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiring(), timestamps(clock),
                new JwtIssuerValidator(SessionTokens.ISSUER), new ActiveSession(sessions, clock)));
        NimbusJwtDecoder staff = NimbusJwtDecoder
                .withPublicKey(RsaKeys.publicKey(properties.staffPublicKey(), "etax.security.staff-public-key")).build();
        staff.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiring(), timestamps(clock),
                new JwtIssuerValidator(properties.staffIssuer())));
        return new IssuerRoutingJwtDecoder(Map.of(SessionTokens.ISSUER, persons, properties.staffIssuer(), staff));
    }

    /** Expiry judged by the application's clock, the same one that set it. */
    private static JwtTimestampValidator timestamps(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ofSeconds(30));
        validator.setClock(clock);
        return validator;
    }

    /** A token without {@code exp} would never expire: refused, whoever signed it. */
    static JwtClaimValidator<Instant> expiring() {
        return new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
    }
}
