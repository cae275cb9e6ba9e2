package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.PersonReason;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import gov.etax.identity.kernel.refusal.Refusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REG-2 password rule: 8 to 16 printable ASCII characters mixing at least two of letters, digits, symbols. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abcd123", "a1", ""})
    @DisplayName("REG-2: fewer than 8 characters is refused")
    void tooShortRefused(String password) {
        assertTooWeak(password);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abcd1234", "abcdefgh12345678"})
    @DisplayName("REG-2: 8 and 16 characters, the length limits, are accepted")
    void lengthLimitsAccepted(String password) {
        assertAccepted(password);
    }

    @Test
    @DisplayName("REG-2: 17 characters is refused")
    void seventeenCharactersRefused() {
        assertTooWeak("abcdefgh123456789");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abcdefghij", "ABCDEFGHIJ", "AbCdEfGhIj", "1234567890", "!@#$%^&*()"})
    @DisplayName("REG-2: a single character class (letters only, digits only, symbols only) is refused")
    void singleClassRefused(String password) {
        assertTooWeak(password);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abcdefg1", "Password2024"})
    @DisplayName("REG-2: letters and digits are accepted")
    void lettersAndDigitsAccepted(String password) {
        assertAccepted(password);
    }

    @Test
    @DisplayName("REG-2: letters and symbols are accepted")
    void lettersAndSymbolsAccepted() {
        assertAccepted("abcdefg!");
    }

    @Test
    @DisplayName("REG-2: digits and symbols are accepted")
    void digitsAndSymbolsAccepted() {
        assertAccepted("1234567#");
    }

    @Test
    @DisplayName("REG-2: all three classes are accepted")
    void allThreeClassesAccepted() {
        assertAccepted("Abc123!@");
    }

    @ParameterizedTest(name = "\"{0}\"")
    // Space, tab, full-width space, Chinese, accented letter, full-width digit: otherwise valid two-class passwords.
    @ValueSource(strings = {"abcd 1234", "abcd\t1234", "abcd\u30001234", "密码abcd1234", "abcdé1234", "abcd１234"})
    @DisplayName("REG-2: spaces, control and non-ASCII characters are refused")
    void spacesAndNonAsciiRefused(String password) {
        assertTooWeak(password);
    }

    @Test
    @DisplayName("REG-2: a missing password is refused")
    void nullRefused() {
        assertTooWeak(null);
    }

    private static void assertTooWeak(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(PersonReason.PASSWORD_TOO_WEAK));
    }

    private static void assertAccepted(String password) {
        assertThatCode(() -> PasswordPolicy.check(password)).doesNotThrowAnyException();
    }
}
