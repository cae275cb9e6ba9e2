package gov.etax.identity.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    @DisplayName("long document numbers keep the first 6 and last 4 characters")
    void longDocumentNumber() {
        assertThat(Masking.documentNumber("360102199001011234")).isEqualTo("360102********1234");
        assertThat(Masking.documentNumber("USA110085060112")).isEqualTo("USA110*****0112");
    }

    @Test
    @DisplayName("short document numbers keep the first 1 and last 2 characters, with at least one star")
    void shortDocumentNumber() {
        assertThat(Masking.documentNumber("H12345678")).isEqualTo("H******78");
        assertThat(Masking.documentNumber("E12345678")).isEqualTo("E******78");
        assertThat(Masking.documentNumber("A1234")).isEqualTo("A**34");
        assertThat(Masking.documentNumber("ABCD")).isEqualTo("A*CD");
        assertThat(Masking.documentNumber("12345678901234")).isEqualTo("1***********34");
    }

    @Test
    @DisplayName("three characters or fewer reveal nothing")
    void tinyDocumentNumber() {
        assertThat(Masking.documentNumber("ABC")).isEqualTo("***");
        assertThat(Masking.documentNumber("A")).isEqualTo("*");
        assertThat(Masking.documentNumber("")).isEqualTo("*");
        assertThat(Masking.documentNumber(null)).isNull();
    }

    @Test
    @DisplayName("LOGIN-2: phones keep the first 3 and last 4 digits")
    void phone() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("1234")).isEqualTo("1*34");
        assertThat(Masking.phone(null)).isNull();
    }
}
