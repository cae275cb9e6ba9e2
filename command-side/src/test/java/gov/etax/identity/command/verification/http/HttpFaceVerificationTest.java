package gov.etax.identity.command.verification.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import gov.etax.identity.command.verification.FaceVerification.FaceScanResult;
import gov.etax.identity.command.verification.FaceVerification.Outcome;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpFaceVerificationTest extends OutsideServiceContractTest<FaceScanResult> {

    private static final DocumentNumber DOCUMENT = new DocumentNumber(DocumentType.RESIDENT_IDENTITY_CARD, "11010519491231002X");

    @Override
    String path() {
        return "/v1/face-scans/redemptions";
    }

    @Override
    ResponseDefinitionBuilder success() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"outcome":"PASSED","verificationId":"scan-42","documentType":"RESIDENT_IDENTITY_CARD",
                 "documentNumber":"11010519491231002X"}""");
    }

    @Override
    Caller<FaceScanResult> adapter(OutsideServiceProperties.Endpoint endpoint) {
        HttpFaceVerification adapter = new HttpFaceVerification(only(endpoint, null, null), JSON, CLOCK);
        return () -> adapter.redeem("face-token-1");
    }

    @Override
    void assertSuccess(FaceScanResult result) {
        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.verificationId()).isEqualTo("scan-42");
        assertThat(result.passedFor(DOCUMENT)).isTrue();
    }

    @Override
    OutsideServiceReason unavailable() {
        return OutsideServiceReason.FACE_VERIFICATION_UNAVAILABLE;
    }

    @Override
    String idempotencyField() {
        return "requestId";
    }

    @Test
    @DisplayName("REG-4: a token the service does not know (404) is no scan, not a failure of the service")
    void unknownToken() {
        stub.stubFor(post(urlEqualTo(path())).withRequestBody(equalToJson("{\"token\":\"spent\"}", true, true))
                .willReturn(aResponse().withStatus(404)));
        HttpFaceVerification adapter = new HttpFaceVerification(
                only(endpoint(Duration.ofSeconds(2), 3, 10), null, null), JSON, CLOCK);

        assertThat(adapter.redeem("spent").outcome()).isEqualTo(Outcome.NO_SCAN);
    }

    @Test
    @DisplayName("LOGIN-2: a look-up reads the scan at its own path and leaves the token to the redemption")
    void inspectLooksUpWithoutRedeeming() {
        stub.stubFor(post(urlEqualTo("/v1/face-scans/lookups")).willReturn(success()));
        HttpFaceVerification adapter = new HttpFaceVerification(
                only(endpoint(Duration.ofSeconds(2), 3, 10), null, null), JSON, CLOCK);

        assertSuccess(adapter.inspect("face-token-1"));
        stub.verify(0, postRequestedFor(urlEqualTo(path())));
    }
}
