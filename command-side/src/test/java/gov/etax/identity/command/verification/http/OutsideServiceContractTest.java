package gov.etax.identity.command.verification.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every outside-service adapter promises, over real HTTP against a stub server: it reads a
 * good answer, gives up on a slow one, tries a failed call again, and stops calling a service
 * that keeps failing. Whenever it gives up, the caller gets a 503 refusal with a time to return.
 */
abstract class OutsideServiceContractTest<T> {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    static final Duration OPEN_FOR = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer stub;

    /** The path the adapter calls. */
    abstract String path();

    /** A good answer of the service. */
    abstract ResponseDefinitionBuilder success();

    /** The adapter for the endpoint, ready to call (its breaker lives as long as it does). */
    abstract Caller<T> adapter(OutsideServiceProperties.Endpoint endpoint);

    interface Caller<T> {
        T call();
    }

    /** Checks what the adapter made of {@link #success()}. */
    abstract void assertSuccess(T result);

    /** The refusal the adapter's callers get when the service is down. */
    abstract OutsideServiceReason unavailable();

    /** The request field that must stay the same on every attempt of one call, or null. */
    abstract String idempotencyField();

    @BeforeEach
    void startStub() {
        stub = new WireMockServer(options().dynamicPort());
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop();
    }

    OutsideServiceProperties.Endpoint endpoint(Duration timeout, int maxAttempts, int minimumCalls) {
        return new OutsideServiceProperties.Endpoint(stub.baseUrl(), "etax", "s3cret", Duration.ofSeconds(1), timeout,
                maxAttempts, Duration.ofMillis(10), minimumCalls, 50, OPEN_FOR, RETRY_AFTER);
    }

    @Test
    @DisplayName("A good answer is read; the call carries the client's credentials")
    void goodAnswer() {
        stub.stubFor(post(urlEqualTo(path())).withBasicAuth("etax", "s3cret").willReturn(success()));

        assertSuccess(call(endpoint(Duration.ofSeconds(2), 3, 10)));

        stub.verify(1, postRequestedFor(urlEqualTo(path())).withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    @DisplayName("No answer within the timeout: 503 refusal with a time to come back")
    void timeout() {
        stub.stubFor(post(urlEqualTo(path())).willReturn(success().withFixedDelay(1_500)));

        assertThatThrownBy(() -> call(endpoint(Duration.ofMillis(200), 1, 10)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertUnavailable(refusal, RETRY_AFTER));
    }

    @Test
    @DisplayName("A failed attempt is tried again, and the second answer counts; the request id stays the same")
    void retryThenSuccess() throws Exception {
        stub.stubFor(post(urlEqualTo(path())).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        stub.stubFor(post(urlEqualTo(path())).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(success()));

        assertSuccess(call(endpoint(Duration.ofSeconds(2), 3, 10)));

        List<ServeEvent> attempts = stub.getAllServeEvents();
        assertThat(attempts).hasSize(2);
        if (idempotencyField() != null) {
            JsonNode first = JSON.readTree(attempts.get(0).getRequest().getBodyAsString());
            JsonNode second = JSON.readTree(attempts.get(1).getRequest().getBodyAsString());
            assertThat(first.path(idempotencyField()).asText()).isNotBlank()
                    .isEqualTo(second.path(idempotencyField()).asText());
        }
    }

    @Test
    @DisplayName("A service that keeps failing opens the breaker: later calls are refused without reaching it")
    void breakerOpens() {
        stub.stubFor(post(urlEqualTo(path())).willReturn(aResponse().withStatus(500)));
        OutsideServiceProperties.Endpoint endpoint = endpoint(Duration.ofSeconds(2), 1, 2);
        Caller<T> adapter = adapter(endpoint);

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(adapter::call)
                    .isInstanceOfSatisfying(Refusal.class, refusal -> assertUnavailable(refusal, RETRY_AFTER));
        }
        assertThatThrownBy(adapter::call)
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertUnavailable(refusal, OPEN_FOR));

        stub.verify(2, postRequestedFor(urlEqualTo(path())));
    }

    private void assertUnavailable(Refusal refusal, Duration comeBackIn) {
        assertThat(refusal.reason()).isEqualTo(unavailable());
        assertThat(refusal.reason().kind()).isEqualTo(Kind.SERVICE_UNAVAILABLE);
        assertThat(refusal.details()).containsEntry("retryAt", CLOCK.instant().plus(comeBackIn));
    }

    private T call(OutsideServiceProperties.Endpoint endpoint) {
        return adapter(endpoint).call();
    }

    /** The properties of the one service under test, the others absent. */
    static OutsideServiceProperties only(OutsideServiceProperties.Endpoint face, OutsideServiceProperties.Endpoint sms,
                                         OutsideServiceProperties.Endpoint register) {
        return new OutsideServiceProperties(face, sms, register);
    }
}
