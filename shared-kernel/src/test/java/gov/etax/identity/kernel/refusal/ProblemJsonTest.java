package gov.etax.identity.kernel.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemJsonTest {

    @Test
    void statusesWithoutARefusalGetTheCommonReasonOfTheirStatus() {
        assertThat(CommonReason.forStatus(400)).isEqualTo(CommonReason.MALFORMED_REQUEST);
        assertThat(CommonReason.forStatus(401)).isEqualTo(CommonReason.AUTHENTICATION_REQUIRED);
        assertThat(CommonReason.forStatus(404)).isEqualTo(CommonReason.NOT_FOUND_ROUTE);
        assertThat(CommonReason.forStatus(405)).isEqualTo(CommonReason.METHOD_NOT_ALLOWED);
        assertThat(CommonReason.forStatus(406)).isEqualTo(CommonReason.NOT_ACCEPTABLE);
        assertThat(CommonReason.forStatus(415)).isEqualTo(CommonReason.UNSUPPORTED_MEDIA_TYPE);
        assertThat(CommonReason.forStatus(500)).isEqualTo(CommonReason.INTERNAL_ERROR);
        assertThat(CommonReason.forStatus(502)).isEqualTo(CommonReason.INTERNAL_ERROR);
        assertThat(CommonReason.forStatus(431)).isEqualTo(CommonReason.MALFORMED_REQUEST);
    }

    @Test
    void writesTheFieldsClientsRelyOnAsValidJson() {
        String json = ProblemJson.of(CommonReason.INVALID_USCC, "/api/a\"b\\c\u0001");
        assertThat(json).startsWith("{\"type\":\"about:blank\"").endsWith("}")
                .contains("\"status\":400", "\"code\":\"INVALID_USCC\"", "\"rule\":\"REG-1\"",
                        "\"message_zh\":\"统一社会信用代码不正确\"", "\"instance\":\"/api/a\\\"b\\\\c\\u0001\"");
        assertThat(ProblemJson.of(CommonReason.NOT_FOUND_ROUTE, null)).doesNotContain("instance", "rule");
    }
}
