package gov.etax.identity.command.verification.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.etax.identity.kernel.refusal.Reason;
import gov.etax.identity.kernel.refusal.Refusal;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outside service reached by JSON over HTTP: each attempt under a timeout, transient failures
 * (no connection, no answer in time, 5xx, 429) tried again after a growing pause, all attempts
 * judged by a circuit breaker. When the service cannot help, the caller gets the service's
 * {@code unavailable} refusal (503) with the time to come back, never an unexpected error.
 */
public final class OutsideService {

    private static final Logger log = LoggerFactory.getLogger(OutsideService.class);

    private final String name;
    private final OutsideServiceProperties.Endpoint endpoint;
    private final Reason unavailable;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final String authorization;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public OutsideService(String name, OutsideServiceProperties.Endpoint endpoint, Reason unavailable, ObjectMapper json,
                          Clock clock) {
        if (endpoint == null || endpoint.url() == null || endpoint.url().isBlank()) {
            throw new IllegalStateException("etax.outside." + name + ".url is not configured");
        }
        this.name = name;
        this.endpoint = endpoint;
        this.unavailable = unavailable;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout()).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (nullToEmpty(endpoint.clientId()) + ":" + nullToEmpty(endpoint.clientSecret())).getBytes(StandardCharsets.UTF_8));
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(endpoint.minimumCalls())
                .minimumNumberOfCalls(endpoint.minimumCalls())
                .failureRateThreshold(endpoint.failureRate())
                .waitDurationInOpenState(endpoint.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker of the {} service: {}", name, event.getStateTransition()));
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(endpoint.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(endpoint.backoff(), 2.0))
                .retryOnException(failure -> failure instanceof TransientFailure)
                .build());
    }

    /** What came back: the status, and the body as JSON (empty when there was none). */
    public record Answer(int status, JsonNode body) {
    }

    /** Turns an answer into the caller's result; throws when the answer breaks the contract. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Answer answer);
    }

    /**
     * POSTs the JSON body to the path. The statuses in {@code expected} are answers (for example a
     * 404 meaning "no such scan"); any other status, or an answer the reader cannot read, is the
     * service failing.
     */
    public <T> T post(String path, Object body, Set<Integer> expected, Reader<T> reader) {
        HttpRequest request = request(path, body);
        CheckedSupplier<T> attempt = CircuitBreaker.decorateCheckedSupplier(breaker, () -> send(request, expected, reader));
        try {
            return Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (CallNotPermittedException open) {
            throw unavailable("circuit breaker open", endpoint.openFor());
        } catch (TransientFailure | PermanentFailure failure) {
            log.warn("The {} service failed: {}", name, failure.getMessage());
            throw unavailable(failure.getMessage(), endpoint.retryAfter());
        } catch (Throwable unexpected) {
            log.error("The {} service could not be called", name, unexpected);
            throw unavailable(unexpected.getClass().getSimpleName(), endpoint.retryAfter());
        }
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private HttpRequest request(String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(endpoint.url().replaceAll("/+$", "") + path))
                    .timeout(endpoint.timeout())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request to the " + name + " service", e);
        }
    }

    private <T> T send(HttpRequest request, Set<Integer> expected, Reader<T> reader) throws TransientFailure, PermanentFailure {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // Connection refused or reset, or no answer within the timeout (HttpTimeoutException).
            throw new TransientFailure(e.getClass().getSimpleName() + " " + nullToEmpty(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted");
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new TransientFailure("HTTP " + status);
        }
        if (!(status >= 200 && status < 300) && !expected.contains(status)) {
            // 401/403: wrong credentials; other 4xx: the contract was broken. Trying again cannot help.
            throw new PermanentFailure("HTTP " + status);
        }
        try {
            byte[] bytes = response.body();
            return reader.read(new Answer(status, bytes.length == 0 ? json.missingNode() : json.readTree(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new PermanentFailure("unreadable answer: " + e.getMessage());
        }
    }

    /** The caller learns that the service is down and when to come back; why is for the log only. */
    private Refusal unavailable(String why, Duration comeBackIn) {
        log.debug("{} service unavailable: {}", name, why);
        return unavailable.refusal().with("retryAt", clock.instant().plus(comeBackIn));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Worth another attempt: the service may answer the next one. */
    static final class TransientFailure extends Exception {
        TransientFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Not worth another attempt: the same request would fail the same way. */
    static final class PermanentFailure extends Exception {
        PermanentFailure(String message) {
            super(message, null, false, false);
        }
    }
}
