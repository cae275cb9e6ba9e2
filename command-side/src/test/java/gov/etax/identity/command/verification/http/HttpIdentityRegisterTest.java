package gov.etax.identity.command.verification.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonName;
import gov.etax.identity.kernel.refusal.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpIdentityRegisterTest extends OutsideServiceContractTest<Boolean> {

    private static final DocumentNumber DOCUMENT = new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, "11010519491231002X");

    @Override
    String path() {
        return "/v1/identity-checks";
    }

    @Override
    ResponseDefinitionBuilder success() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"match\":true}");
    }

    @Override
    Caller<Boolean> adapter(OutsideServiceProperties.Endpoint endpoint) {
        HttpIdentityRegister adapter = new HttpIdentityRegister(only(null, null, endpoint), JSON, CLOCK);
        return () -> adapter.matches(DOCUMENT, new PersonName("张三"));
    }

    @Override
    void assertSuccess(Boolean matches) {
        assertThat(matches).isTrue();
    }

    @Override
    OutsideServiceReason unavailable() {
        return OutsideServiceReason.IDENTITY_REGISTER_UNAVAILABLE;
    }

    @Override
    String idempotencyField() {
        return null;
    }

    @Test
    @DisplayName("REG-2: an answer without a yes or no is the register failing, never a match")
    void answerWithoutMatch() {
        stub.stubFor(post(urlEqualTo(path())).willReturn(okJson("{\"status\":\"ok\"}")));

        assertThatThrownBy(() -> adapter(endpoint(Duration.ofSeconds(2), 3, 10)).call())
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.reason()).isEqualTo(OutsideServiceReason.IDENTITY_REGISTER_UNAVAILABLE));
        stub.verify(1, postRequestedFor(urlEqualTo(path())));
    }
}
