package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"张三", "王小明", "买买提·艾力", "John Smith", "李", "𠮷野家"})
    @DisplayName("REG-2: names in any script")
    void valid(String name) {
        assertThat(new PersonName(name).value()).isEqualTo(name);
    }

    @Test
    @DisplayName("REG-2: surrounding whitespace, including the full-width space, is removed")
    void strips() {
        assertThat(new PersonName("  张三\u3000").value()).isEqualTo("张三");
    }

    @Test
    @DisplayName("REG-2: at most 100 characters, counted as code points")
    void length() {
        assertThat(new PersonName("张".repeat(100)).value()).hasSize(100);
        // 100 supplementary characters are 200 UTF-16 units but only 100 characters.
        assertThat(new PersonName("𠮷".repeat(100))).isNotNull();
        assertRefused(() -> new PersonName("张".repeat(101)), CommonReason.INVALID_NAME);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000", "张\n三", "张\u0000三", "张\u0085三", "\u0007"})
    @DisplayName("REG-2: missing names and control characters")
    void invalid(String name) {
        assertRefused(() -> new PersonName(name), CommonReason.INVALID_NAME);
    }

    @Test
    @DisplayName("toString keeps only the first character")
    void masked() {
        assertThat(new PersonName("张三").toString()).isEqualTo("张*");
        assertThat(new PersonName("王小明").toString()).isEqualTo("王**");
        assertThat(new PersonName("李").toString()).isEqualTo("李");
        assertThat(new PersonName("𠮷野家").toString()).isEqualTo("𠮷**");
    }
}
