package gov.etax.identity.query.infrastructure.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.refusal.CommonReason;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.security.RsaKeys;
import gov.etax.identity.kernel.security.SessionTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The query side trusts the same two issuers as the command side: person sessions, checked with
 * the command side's published keys (JWKS), and the bureau's identity provider for staff.
 */
@Configuration
public class QuerySecurityConfiguration {

    private static final Set<String> STAFF_ROLES = Set.of("TAX_STAFF", "AUDITOR", "OPERATOR");
    private static final Logger log = LoggerFactory.getLogger(QuerySecurityConfiguration.class);

    /**
     * @param sessionJwksUri the command side's /.well-known/jwks.json
     */
    @ConfigurationProperties("etax.security")
    public record Keys(String sessionJwksUri, String staffIssuer, String staffPublicKey) {
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Keys keys, KnownSessions sessions, ObjectMapper json,
                            @Value("${etax.security.session-wait:PT5S}") Duration sessionWait) throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        JwtIssuerAuthenticationManagerResolver issuers = new JwtIssuerAuthenticationManagerResolver(
                Map.of(SessionTokens.ISSUER, persons(keys, new SessionCheck(sessions, sessionWait)),
                        keys.staffIssuer(), staff(keys))::get);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/me/**").hasRole("PERSON")
                        .requestMatchers(HttpMethod.GET, "/api/persons/*/account").hasAnyRole("TAX_STAFF", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/enterprises/*/staff").hasRole("PERSON")
                        .requestMatchers("/api/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/api/admin/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(issuers)
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof SessionKeysUnavailable) {
                                response.setHeader("Retry-After", "5");
                                problems.write(request, response, QuerySecurityReason.SESSION_KEYS_UNAVAILABLE);
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, CommonReason.AUTHENTICATION_REQUIRED);
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, CommonReason.ACCESS_DENIED)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, CommonReason.AUTHENTICATION_REQUIRED);
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response, CommonReason.ACCESS_DENIED)))
                .addFilterAfter(passwordChangeGate(problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * PWD-2, PWD-4: a session with an initial password, or of a person without one, reads nothing
     * here; it may only set a new one (command side).
     */
    private static OncePerRequestFilter passwordChangeGate(ProblemWriter problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                        && SessionTokens.ISSUER.equals(token.getToken().getClaimAsString("iss"))
                        && Boolean.TRUE.equals(token.getToken().getClaimAsBoolean(SessionTokens.PASSWORD_CHANGE_REQUIRED))) {
                    // Only a scan login of a person without a password is flagged without one to change (PWD-4).
                    boolean passwordNotSet = AuthenticationMethod.SCAN.name()
                            .equals(token.getToken().getClaimAsString(SessionTokens.METHOD));
                    problems.write(request, response,
                            passwordNotSet ? SessionReason.PASSWORD_NOT_SET : SessionReason.PASSWORD_CHANGE_REQUIRED);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static AuthenticationManager persons(Keys keys, SessionCheck sessionCheck) {
        if (keys.sessionJwksUri() == null || keys.sessionJwksUri().isBlank()) {
            throw new IllegalStateException("etax.security.session-jwks-uri (ETAX_SESSION_JWKS_URI) is not set: the query "
                    + "side checks person session tokens with the command side's keys at <command side>/.well-known/jwks.json");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keys.sessionJwksUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiring(), new JwtTimestampValidator(),
                new JwtIssuerValidator(SessionTokens.ISSUER), sessionCheck));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.of(new SimpleGrantedAuthority("ROLE_PERSON")));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return authentication -> {
            try {
                return provider.authenticate(authentication);
            } catch (AuthenticationServiceException e) {
                // Not the caller's fault (a bad token is a BadJwtException, answered 401): the key set
                // could not be fetched, e.g. the command side is down or the URI points elsewhere.
                log.warn("Cannot check a session token: keys at {} unavailable ({})", keys.sessionJwksUri(), e.getMessage());
                throw new SessionKeysUnavailable(e);
            }
        };
    }

    /** Not an AuthenticationServiceException, which the bearer token filter would rethrow as a 500. */
    private static final class SessionKeysUnavailable extends AuthenticationException {
        SessionKeysUnavailable(Throwable cause) {
            super("session keys unavailable", cause);
        }
    }

    private static AuthenticationManager staff(Keys keys) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withPublicKey(RsaKeys.publicKey(keys.staffPublicKey(), "etax.security.staff-public-key")).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiring(), new JwtTimestampValidator(),
                new JwtIssuerValidator(keys.staffIssuer())));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            String role = jwt.getClaimAsString(SessionTokens.STAFF_ROLE);
            return STAFF_ROLES.contains(role) ? List.of(new SimpleGrantedAuthority("ROLE_" + role)) : List.of();
        });
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }

    /** A token without {@code exp} would never expire: refused, whoever signed it. */
    private static JwtClaimValidator<Instant> expiring() {
        return new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /** 401 and 403 from the filters as problem+json, like every other error. */
    private record ProblemWriter(ObjectMapper json) {
        void write(HttpServletRequest request, HttpServletResponse response, Reason reason) throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    org.springframework.http.HttpStatusCode.valueOf(reason.kind().httpStatus()), reason.message());
            problem.setTitle(reason.message());
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            problem.setProperty("code", reason.code());
            if (reason.rule() != null) {
                problem.setProperty("rule", reason.rule());
            }
            problem.setProperty("message", reason.message());
            problem.setProperty("message_zh", reason.messageZh());
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
