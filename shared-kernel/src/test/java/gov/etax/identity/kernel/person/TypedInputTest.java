package gov.etax.identity.kernel.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** REG-2, PWD-2: names and document numbers as people type them end up in the register's form. */
class TypedInputTest {

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RESIDENT_IDENTITY_CARD             | 11010519491231002x           | 11010519491231002X
            RESIDENT_IDENTITY_CARD             | 110105 19491231 002X         | 11010519491231002X
            RESIDENT_IDENTITY_CARD             | 110105\u300019491231\u3000002X | 11010519491231002X
            RESIDENT_IDENTITY_CARD             | １１０１０５１９４９１２３１００２Ｘ | 11010519491231002X
            RESIDENT_IDENTITY_CARD             | １１０１０５１９４９１２３１００２ｘ | 11010519491231002X
            HK_MACAO_RESIDENCE_PERMIT          | 810000 19900101 0019          | 810000199001010019
            CHINESE_PASSPORT                   | ｅ１２３４５６７８              | E12345678
            HK_MACAO_TRAVEL_PERMIT             | h 1234 5678                   | H12345678
            FOREIGN_PASSPORT                   | x12 345\u00A0678               | X12345678
            FOREIGN_PERMANENT_RESIDENT_ID_CARD | usa 123456789012              | USA123456789012
            """)
    @DisplayName("REG-2: document numbers lose inner spaces, full-width digits and letters become ASCII, x becomes X, before the check digit")
    void documentNumbers(DocumentType type, String typed, String stored) {
        assertThat(new DocumentNumber(type, typed).value()).isEqualTo(stored);
        assertThat(DocumentNumber.normalised(typed)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            买买提·艾力         | 买买提·艾力
            买买提•艾力         | 买买提·艾力
            买买提・艾力        | 买买提·艾力
            买买提･艾力         | 买买提·艾力
            买买提．艾力        | 买买提·艾力
            买买提.艾力         | 买买提·艾力
            买买提‧艾力         | 买买提·艾力
            John.Smith          | John·Smith
            John•Smith          | John·Smith
            J. Smith            | J. Smith
            Smith Jr.           | Smith Jr.
            张三                | 张三
            """)
    @DisplayName("REG-2: the middle dot of minority and foreign names is stored as the register's ·, whichever look-alike was typed")
    void names(String typed, String stored) {
        assertThat(new PersonName(typed).value()).isEqualTo(stored);
    }
}
