package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import static gov.etax.identity.kernel.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTypeTest {

    @ParameterizedTest(name = "REG-3: {0} may register online: {1}")
    @CsvSource({
            "RESIDENT_IDENTITY_CARD, true",
            "HK_MACAO_TRAVEL_PERMIT, true",
            "TAIWAN_TRAVEL_PERMIT, true",
            "CHINESE_PASSPORT, true",
            "FOREIGN_PERMANENT_RESIDENT_ID_CARD, true",
            "HK_MACAO_RESIDENCE_PERMIT, true",
            "TAIWAN_RESIDENCE_PERMIT, true",
            "FOREIGN_PASSPORT, false",
            "FOREIGNER_WORK_PERMIT_A, false",
            "FOREIGNER_WORK_PERMIT_B, false",
            "FOREIGNER_WORK_PERMIT_C, false"})
    @DisplayName("REG-3: seven types register online, four need offline collection first")
    void onlineRegistration(DocumentType type, boolean online) {
        assertThat(type.mayRegisterOnline()).isEqualTo(online);
    }

    @Test
    @DisplayName("REG-3: exactly eleven document types, seven online and four offline-first")
    void elevenTypes() {
        assertThat(DocumentType.values()).hasSize(11);
        assertThat(Arrays.stream(DocumentType.values()).filter(DocumentType::mayRegisterOnline)).hasSize(7);
    }

    @Test
    @DisplayName("REG-3: foreign passport may not register online")
    void foreignPassportOffline() {
        assertThat(DocumentType.FOREIGN_PASSPORT.mayRegisterOnline()).isFalse();
    }

    @Test
    @DisplayName("REG-3: Chinese names of the documents")
    void chineseNames() {
        assertThat(DocumentType.RESIDENT_IDENTITY_CARD.chineseName()).isEqualTo("居民身份证");
        assertThat(DocumentType.HK_MACAO_TRAVEL_PERMIT.chineseName()).isEqualTo("港澳居民来往内地通行证");
        assertThat(DocumentType.TAIWAN_TRAVEL_PERMIT.chineseName()).isEqualTo("台湾居民来往大陆通行证");
        assertThat(DocumentType.values()).allSatisfy(t -> assertThat(t.chineseName()).isNotBlank());
    }

    @Test
    @DisplayName("REG-3: parse accepts the constant name in any case, trimmed")
    void parse() {
        assertThat(DocumentType.parse("RESIDENT_IDENTITY_CARD")).isEqualTo(DocumentType.RESIDENT_IDENTITY_CARD);
        assertThat(DocumentType.parse("  foreigner_work_permit_b ")).isEqualTo(DocumentType.FOREIGNER_WORK_PERMIT_B);
        assertThat(DocumentType.parse("Chinese_Passport")).isEqualTo(DocumentType.CHINESE_PASSPORT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "ID_CARD", "居民身份证", "RESIDENT IDENTITY CARD", "1"})
    @DisplayName("REG-3: anything else is an invalid document type")
    void parseRefuses(String code) {
        assertRefused(() -> DocumentType.parse(code), CommonReason.INVALID_DOCUMENT_TYPE);
    }
}
