package gov.etax.identity.kernel.enterprise;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91330100716105852F", // Alibaba (China) Co., Ltd.
            "9144030071526726XG", // Shenzhen Tencent Computer Systems Co., Ltd.
            "914403001922038216"  // Huawei Technologies Co., Ltd.
    })
    @DisplayName("REG-1: published codes of real enterprises pass the GB 32100 check")
    void realCodes(String code) {
        assertThat(new Uscc(code).value()).isEqualTo(code);
    }

    @Test
    @DisplayName("REG-1: check characters of the published codes")
    void checkCharacters() {
        assertThat(Uscc.checkCharacter("91330100716105852")).isEqualTo('F');
        assertThat(Uscc.checkCharacter("9144030071526726X")).isEqualTo('G');
        assertThat(Uscc.checkCharacter("91440300192203821")).isEqualTo('6');
    }

    @Test
    @DisplayName("REG-1: a weighted sum divisible by 31 gives check character 0, not index 31")
    void checkThirtyOneBecomesZero() {
        // All zeros sum to 0, so 31 - 0 = 31, which wraps to 0.
        assertThat(Uscc.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(new Uscc("000000000000000000")).isNotNull();
    }

    @Test
    @DisplayName("REG-1: lower case and surrounding spaces are normalised")
    void normalises() {
        assertThat(new Uscc(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91330100716105852E", "9144030071526726X0", "914403001922038217", "914403001922038261"})
    @DisplayName("REG-1: a changed check character or swapped characters are refused")
    void wrongCheck(String code) {
        assertRefused(() -> new Uscc(code), CommonReason.INVALID_USCC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9133010071610585IF", "9133010071610585OF", "9133010071610585ZF", "9133010071610585SF",
            "9133010071610585VF", "91330100716105852I", "91330100716105852O"})
    @DisplayName("REG-1: the letters I, O, Z, S and V are never part of a code")
    void forbiddenLetters(String code) {
        assertRefused(() -> new Uscc(code), CommonReason.INVALID_USCC);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "91330100716105852", "91330100716105852F0", "330100716105852", "913301007161058-2F"})
    @DisplayName("REG-1: missing, wrong length or punctuation")
    void malformed(String code) {
        assertRefused(() -> new Uscc(code), CommonReason.INVALID_USCC);
    }
}
