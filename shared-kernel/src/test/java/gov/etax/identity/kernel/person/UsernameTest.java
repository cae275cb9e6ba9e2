package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abcdef", "Abc123", "a1234567890123456789", "ZHANGSAN2024", "x00000"})
    @DisplayName("LOGIN-7: 6 to 20 letters or digits starting with a letter")
    void valid(String name) {
        assertThat(new Username(name).value()).isEqualTo(name);
    }

    @Test
    @DisplayName("LOGIN-7: 6 and 20 characters are the edges")
    void lengthEdges() {
        assertThat(new Username("a12345").value()).hasSize(6);
        assertThat(new Username("a" + "1".repeat(19)).value()).hasSize(20);
        assertRefused(() -> new Username("a1234"), CommonReason.INVALID_USERNAME);
        assertRefused(() -> new Username("a" + "1".repeat(20)), CommonReason.INVALID_USERNAME);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "1abcdef", "_abcdef", "abc_def", "abc def", "  abc123 ", "abc123 ",
            "张三abcdef", "abcdéf1", "abc-123", "ａｂｃｄｅｆ"})
    @DisplayName("LOGIN-7: starting with a digit, other characters or surrounding whitespace")
    void invalid(String name) {
        assertRefused(() -> new Username(name), CommonReason.INVALID_USERNAME);
    }

    @Test
    @DisplayName("LOGIN-7: usernames are case-sensitive")
    void caseSensitive() {
        assertThat(new Username("Abcdef1")).isNotEqualTo(new Username("abcdef1"));
        assertThat(new Username("Abcdef1").value()).isEqualTo("Abcdef1");
    }

    @Test
    @DisplayName("LOGIN-7: the username is optional, null or blank means none")
    void ofNullable() {
        assertThat(Username.ofNullable(null)).isNull();
        assertThat(Username.ofNullable("  ")).isNull();
        assertThat(Username.ofNullable("abc123")).isEqualTo(new Username("abc123"));
        assertRefused(() -> Username.ofNullable("1abcde"), CommonReason.INVALID_USERNAME);
    }
}
