package gov.etax.identity.kernel.person;

import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProvinceCodeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"360000", "310000", "440000", "110000", "650000", "810000", "820000", "710000", " 150000 ",
            "440300", "210200", "330200", "350200", "370200"})
    @DisplayName("PWD-6: province-level divisions and the five cities with tax bureaus of their own are provinces")
    void valid(String code) {
        assertThat(new ProvinceCode(code).value()).isEqualTo(code.strip());
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"36000", "3600000", "360100", "990000", "000000", "Jiangxi", "36000a", "440100"})
    @DisplayName("PWD-6: anything else is refused as INVALID_PROVINCE")
    void invalid(String code) {
        assertRefused(() -> new ProvinceCode(code), ProvinceCode.InvalidProvince.INVALID_PROVINCE);
    }
}
