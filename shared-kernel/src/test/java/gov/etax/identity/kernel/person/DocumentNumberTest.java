package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static gov.etax.identity.kernel.person.DocumentType.CHINESE_PASSPORT;
import static gov.etax.identity.kernel.person.DocumentType.FOREIGN_PASSPORT;
import static gov.etax.identity.kernel.person.DocumentType.FOREIGN_PERMANENT_RESIDENT_ID_CARD;
import static gov.etax.identity.kernel.person.DocumentType.HK_MACAO_RESIDENCE_PERMIT;
import static gov.etax.identity.kernel.person.DocumentType.HK_MACAO_TRAVEL_PERMIT;
import static gov.etax.identity.kernel.person.DocumentType.RESIDENT_IDENTITY_CARD;
import static gov.etax.identity.kernel.person.DocumentType.TAIWAN_RESIDENCE_PERMIT;
import static gov.etax.identity.kernel.person.DocumentType.TAIWAN_TRAVEL_PERMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.etax.identity.kernel.refusal.Refusal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentNumberTest {

    /** Builds a number that passes the GB 11643 check, to vary one property at a time. */
    private static String withCheck(String first17) {
        return first17 + DocumentNumber.gb11643CheckCharacter(first17);
    }

    private static void assertInvalid(DocumentType type, String value, String detailFragment) {
        assertThatThrownBy(() -> new DocumentNumber(type, value))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(CommonReason.INVALID_DOCUMENT_NUMBER);
                    assertThat(r.detail()).contains(detailFragment);
                });
    }

    @Nested
    @DisplayName("REG-2: resident identity card")
    class ResidentIdentityCard {

        @ParameterizedTest
        @ValueSource(strings = {"11010519491231002X", "36010219900101123X", "110000199001010013"})
        @DisplayName("REG-2: valid numbers, including the GB 11643 example with check character X")
        void valid(String number) {
            assertThat(new DocumentNumber(RESIDENT_IDENTITY_CARD, number).value()).isEqualTo(number);
        }

        @Test
        @DisplayName("REG-2: lower-case x and surrounding spaces are normalised")
        void normalises() {
            DocumentNumber number = new DocumentNumber(RESIDENT_IDENTITY_CARD, " 11010519491231002x ");
            assertThat(number.value()).isEqualTo("11010519491231002X");
            assertThat(number).isEqualTo(new DocumentNumber(RESIDENT_IDENTITY_CARD, "11010519491231002X"));
        }

        @Test
        @DisplayName("GB 11643 check character of both examples printed in the standard")
        void checkCharacterOfStandardExamples() {
            assertThat(DocumentNumber.gb11643CheckCharacter("11010519491231002")).isEqualTo('X');
            assertThat(DocumentNumber.gb11643CheckCharacter("44052418800101001")).isEqualTo('4');
        }

        @Test
        @DisplayName("REG-2: the standard's 1880 example has a right check character but is refused by the 1900 floor")
        void standardExampleBornIn1880() {
            assertInvalid(RESIDENT_IDENTITY_CARD, "440524188001010014", "before 1900");
        }

        @Test
        @DisplayName("REG-2: wrong check character")
        void wrongCheck() {
            assertInvalid(RESIDENT_IDENTITY_CARD, "110105194912310021", "check character");
            assertInvalid(RESIDENT_IDENTITY_CARD, "360102199001011230", "check character");
        }

        @Test
        @DisplayName("REG-2: 17 or 19 characters")
        void wrongLength() {
            assertInvalid(RESIDENT_IDENTITY_CARD, "11010519491231002", "18 characters");
            assertInvalid(RESIDENT_IDENTITY_CARD, "11010519491231002X1", "18 characters");
        }

        @Test
        @DisplayName("REG-2: letters other than a final X")
        void letters() {
            assertInvalid(RESIDENT_IDENTITY_CARD, "1101051949123100AX", "17 digits");
            assertInvalid(RESIDENT_IDENTITY_CARD, "X10105194912310021", "17 digits");
        }

        @Test
        @DisplayName("REG-2: 30 February 1999 is not a date")
        void impossibleDate() {
            assertInvalid(RESIDENT_IDENTITY_CARD, withCheck("11010519990230001"), "not a calendar date");
        }

        @Test
        @DisplayName("REG-2: 29 February only in leap years")
        void leapDay() {
            assertThat(new DocumentNumber(RESIDENT_IDENTITY_CARD, withCheck("11010520000229001"))).isNotNull();
            assertInvalid(RESIDENT_IDENTITY_CARD, withCheck("11010519000229001"), "not a calendar date");
        }

        @Test
        @DisplayName("REG-2: a birth date in the future")
        void futureBirthDate() {
            String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1)
                    .format(DateTimeFormatter.BASIC_ISO_DATE);
            assertInvalid(RESIDENT_IDENTITY_CARD, withCheck("110105" + tomorrow + "001"), "in the future");
        }

        @Test
        @DisplayName("REG-2: born in 1899 is refused, 1 January 1900 is accepted")
        void year1899() {
            assertInvalid(RESIDENT_IDENTITY_CARD, withCheck("11010518991231001"), "before 1900");
            assertThat(new DocumentNumber(RESIDENT_IDENTITY_CARD, withCheck("11010519000101001"))).isNotNull();
        }
    }

    @Nested
    @DisplayName("REG-2: residence permits")
    class ResidencePermits {

        @ParameterizedTest
        @ValueSource(strings = {"810000199001010019", "820000200002290021"})
        @DisplayName("REG-2: Hong Kong (810000) and Macao (820000) residence permits, check characters computed by hand")
        void hongKongMacao(String number) {
            assertThat(new DocumentNumber(HK_MACAO_RESIDENCE_PERMIT, number).value()).isEqualTo(number);
        }

        @Test
        @DisplayName("REG-2: Taiwan residence permit starts with 830000")
        void taiwan() {
            assertThat(new DocumentNumber(TAIWAN_RESIDENCE_PERMIT, "830000198512310039")).isNotNull();
            assertThat(new DocumentNumber(TAIWAN_RESIDENCE_PERMIT, withCheck("83000020010704123"))).isNotNull();
        }

        @Test
        @DisplayName("REG-2: a resident card number or another region's prefix is refused")
        void wrongPrefix() {
            assertInvalid(HK_MACAO_RESIDENCE_PERMIT, "110000199001010013", "810000 or 820000");
            assertInvalid(HK_MACAO_RESIDENCE_PERMIT, "830000198512310039", "810000 or 820000");
            assertInvalid(TAIWAN_RESIDENCE_PERMIT, "810000199001010019", "830000");
            assertInvalid(TAIWAN_RESIDENCE_PERMIT, withCheck("83100019851231003"), "830000");
        }

        @Test
        @DisplayName("REG-2: wrong check character or date")
        void wrongCheckOrDate() {
            assertInvalid(HK_MACAO_RESIDENCE_PERMIT, "810000199001010010", "check character");
            assertInvalid(TAIWAN_RESIDENCE_PERMIT, "830000198512310030", "check character");
            assertInvalid(HK_MACAO_RESIDENCE_PERMIT, withCheck("82000019990230002"), "not a calendar date");
        }
    }

    @Nested
    @DisplayName("REG-2: travel permits")
    class TravelPermits {

        @ParameterizedTest
        @ValueSource(strings = {"H12345678", "M87654321", "H1234567890", "h12345678"})
        @DisplayName("REG-2: Hong Kong/Macao travel permit is H or M and 8 or 10 digits")
        void hongKongMacao(String number) {
            assertThat(new DocumentNumber(HK_MACAO_TRAVEL_PERMIT, number).value()).startsWith(number.substring(0, 1).toUpperCase());
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345678", "A12345678", "H1234567", "H123456789", "H12345678901", "HM1234567", "H1234567X"})
        @DisplayName("REG-2: malformed Hong Kong/Macao travel permits")
        void hongKongMacaoInvalid(String number) {
            assertInvalid(HK_MACAO_TRAVEL_PERMIT, number, "H or M");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345678", "1234567890"})
        @DisplayName("REG-2: Taiwan travel permit has 8 or 10 digits")
        void taiwan(String number) {
            assertThat(new DocumentNumber(TAIWAN_TRAVEL_PERMIT, number).value()).isEqualTo(number);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567", "123456789", "12345678901", "T12345678", "1234567A"})
        @DisplayName("REG-2: malformed Taiwan travel permits")
        void taiwanInvalid(String number) {
            assertInvalid(TAIWAN_TRAVEL_PERMIT, number, "8 or 10 digits");
        }
    }

    @Nested
    @DisplayName("REG-2: Chinese passport")
    class ChinesePassport {

        @ParameterizedTest
        @ValueSource(strings = {"E12345678", "G12345678", "EA1234567", "EH7654321", "D12345678", "S12345678",
                "P12345678", "e12345678"})
        @DisplayName("REG-2: ordinary, new ordinary, diplomatic, service and public affairs passports")
        void valid(String number) {
            assertThat(new DocumentNumber(CHINESE_PASSPORT, number).value()).isEqualTo(number.toUpperCase());
        }

        @ParameterizedTest
        @ValueSource(strings = {"EI1234567", "EO1234567", "GA1234567", "A12345678", "E1234567", "E123456789",
                "DA1234567", "123456789"})
        @DisplayName("REG-2: letters I/O after E, wrong leading letter or wrong length")
        void invalid(String number) {
            assertInvalid(CHINESE_PASSPORT, number, "passport");
        }
    }

    @Nested
    @DisplayName("REG-2: Foreign Permanent Resident ID Card")
    class PermanentResidentCard {

        @Test
        @DisplayName("REG-2: old card is 3 letters and 12 digits")
        void oldCard() {
            assertThat(new DocumentNumber(FOREIGN_PERMANENT_RESIDENT_ID_CARD, "usa110085060112").value())
                    .isEqualTo("USA110085060112");
        }

        @Test
        @DisplayName("REG-2: 2023 card is 18 characters starting with 9 with the GB 11643 check character")
        void newCard() {
            assertThat(new DocumentNumber(FOREIGN_PERMANENT_RESIDENT_ID_CARD, "91184019850101001X")).isNotNull();
            assertThat(new DocumentNumber(FOREIGN_PERMANENT_RESIDENT_ID_CARD, withCheck("93115619900615002")))
                    .isNotNull();
        }

        @Test
        @DisplayName("REG-2: malformed permanent resident cards")
        void invalid() {
            assertInvalid(FOREIGN_PERMANENT_RESIDENT_ID_CARD, "911840198501010010", "check character");
            assertInvalid(FOREIGN_PERMANENT_RESIDENT_ID_CARD, "110000199001010013", "starting with 9");
            assertInvalid(FOREIGN_PERMANENT_RESIDENT_ID_CARD, "US1100850601123", "3 letters and 12 digits");
            assertInvalid(FOREIGN_PERMANENT_RESIDENT_ID_CARD, "USA11008506011", "3 letters and 12 digits");
        }
    }

    @Nested
    @DisplayName("REG-2: foreign passport and work permits")
    class ForeignDocuments {

        @ParameterizedTest
        @EnumSource(value = DocumentType.class,
                names = {"FOREIGN_PASSPORT", "FOREIGNER_WORK_PERMIT_A", "FOREIGNER_WORK_PERMIT_B", "FOREIGNER_WORK_PERMIT_C"})
        @DisplayName("REG-2: 5 to 20 letters or digits")
        void valid(DocumentType type) {
            assertThat(new DocumentNumber(type, "a1234").value()).isEqualTo("A1234");
            assertThat(new DocumentNumber(type, "X12345678901234567YZ").value()).hasSize(20);
            assertThat(new DocumentNumber(type, "561234567").value()).isEqualTo("561234567");
        }

        @ParameterizedTest
        @ValueSource(strings = {"A123", "X12345678901234567YZ0", "AB_12345", "AB-12345", "ÄB12345"})
        @DisplayName("REG-2: too short, too long, or other characters")
        void invalid(String number) {
            assertInvalid(FOREIGN_PASSPORT, number, "5 to 20");
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    @DisplayName("REG-2: a missing number is an invalid document number")
    void missingNumber(String value) {
        assertRefused(() -> new DocumentNumber(RESIDENT_IDENTITY_CARD, value), CommonReason.INVALID_DOCUMENT_NUMBER);
    }

    @Test
    @DisplayName("REG-3: a missing type is an invalid document type")
    void missingType() {
        assertRefused(() -> new DocumentNumber(null, "11010519491231002X"), CommonReason.INVALID_DOCUMENT_TYPE);
    }

    @Test
    @DisplayName("toString shows the type and the masked number only")
    void toStringIsMasked() {
        DocumentNumber number = new DocumentNumber(RESIDENT_IDENTITY_CARD, "11010519491231002X");
        assertThat(number.masked()).isEqualTo("110105********002X");
        assertThat(number.toString())
                .contains("RESIDENT_IDENTITY_CARD", "110105********002X")
                .doesNotContain("11010519491231002X");
        assertThat(new DocumentNumber(FOREIGN_PASSPORT, "E1234567").toString()).doesNotContain("E1234567");
    }
}
