package gov.etax.identity.command.verification.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import gov.etax.identity.command.verification.OutsideServiceReason;
import gov.etax.identity.kernel.person.MobilePhone;

class HttpSmsGatewayTest extends OutsideServiceContractTest<Boolean> {

    @Override
    String path() {
        return "/v1/messages";
    }

    @Override
    ResponseDefinitionBuilder success() {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"messageId\":\"accepted\"}");
    }

    @Override
    Caller<Boolean> adapter(OutsideServiceProperties.Endpoint endpoint) {
        HttpSmsGateway adapter = new HttpSmsGateway(only(null, endpoint, null), JSON, CLOCK);
        return () -> {
            adapter.send(new MobilePhone("13812345678"), "您的验证码为123456");
            return true;
        };
    }

    @Override
    void assertSuccess(Boolean sent) {
        stub.verify(postRequestedFor(urlEqualTo(path()))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("13812345678")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("您的验证码为123456"))));
    }

    @Override
    OutsideServiceReason unavailable() {
        return OutsideServiceReason.SMS_GATEWAY_UNAVAILABLE;
    }

    @Override
    String idempotencyField() {
        return "messageId";
    }
}
