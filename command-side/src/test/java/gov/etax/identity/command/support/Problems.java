package gov.etax.identity.command.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on problem+json answers: status, stable code, rule and the bureau's wording. */
public final class Problems {

    private Problems() {
    }

    /** @param rule null when no rule refused; @param messageZh null to leave the wording unchecked */
    public static void assertProblem(HttpJson.Response response, int status, String code, String rule, String messageZh) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("rule")).isEqualTo(rule);
        if (messageZh != null) {
            assertThat(response.text("message_zh")).isEqualTo(messageZh);
        }
    }
}
