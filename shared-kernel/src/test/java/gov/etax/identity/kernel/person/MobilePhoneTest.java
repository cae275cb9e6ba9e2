package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobilePhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "+86 138 1234 5678", "+8613812345678", "0086 138-1234-5678",
            " 138-1234-5678 ", "+86-138-1234-5678"})
    @DisplayName("LOGIN-2: spaces, hyphens and +86/0086 are stripped so one phone has one value")
    void normalises(String input) {
        assertThat(new MobilePhone(input).value()).isEqualTo("13812345678");
        assertThat(new MobilePhone(input)).isEqualTo(new MobilePhone("13812345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13000000000", "14512345678", "16612345678", "19912345678"})
    @DisplayName("LOGIN-2: second digit 3 to 9")
    void secondDigits(String phone) {
        assertThat(new MobilePhone(phone).value()).isEqualTo(phone);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "12345678901", "1234", "2381234567x", "11812345678", "1381234567",
            "138123456789", "+85213812345678", "8613812345678", "+86", "1381234567８"})
    @DisplayName("LOGIN-2: not a mainland mobile number")
    void invalid(String input) {
        assertRefused(() -> new MobilePhone(input), CommonReason.INVALID_PHONE);
    }

    @Test
    @DisplayName("LOGIN-2: masked form keeps the first 3 and last 4 digits, and toString is masked")
    void masked() {
        MobilePhone phone = new MobilePhone("+86 138 1234 5678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(phone.toString()).isEqualTo("138****5678");
    }
}
