package gov.etax.identity.command.verification.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the outside services are and how patiently they are called (docs/outside-services.md). */
@ConfigurationProperties("etax.outside")
public record OutsideServiceProperties(Endpoint faceVerification, Endpoint smsGateway, Endpoint identityRegister) {

    /**
     * @param url            the service's base URL; the paths of docs/outside-services.md follow it
     * @param clientId       this system's account at the service (HTTP Basic user)
     * @param clientSecret   its password
     * @param connectTimeout to open a connection
     * @param timeout        for one attempt's answer
     * @param maxAttempts    attempts per call, the first included
     * @param backoff        before the second attempt; doubled before each later one
     * @param minimumCalls   calls the breaker judges together (its window) before it may open
     * @param failureRate    per cent of failed calls in the window that open the breaker
     * @param openFor        how long an open breaker refuses at once before it tries again; also the
     *                       Retry-After callers get while it is open
     * @param retryAfter     the Retry-After callers get when the service failed and the breaker is closed
     */
    public record Endpoint(String url, String clientId, String clientSecret,
                           @DefaultValue("2s") Duration connectTimeout,
                           @DefaultValue("3s") Duration timeout,
                           @DefaultValue("3") int maxAttempts,
                           @DefaultValue("200ms") Duration backoff,
                           @DefaultValue("10") int minimumCalls,
                           @DefaultValue("50") float failureRate,
                           @DefaultValue("30s") Duration openFor,
                           @DefaultValue("5s") Duration retryAfter) {
    }
}
