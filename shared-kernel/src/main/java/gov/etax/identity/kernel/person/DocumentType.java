package gov.etax.identity.kernel.person;

import gov.etax.identity.kernel.refusal.CommonReason;
import java.util.Locale;

/**
 * The eleven identity document types of REG-3. Seven register online directly; the four held
 * mostly by foreigners need real-name information collected at a tax service hall first.
 */
public enum DocumentType {
    RESIDENT_IDENTITY_CARD("居民身份证", true),
    HK_MACAO_TRAVEL_PERMIT("港澳居民来往内地通行证", true),
    TAIWAN_TRAVEL_PERMIT("台湾居民来往大陆通行证", true),
    CHINESE_PASSPORT("中华人民共和国护照", true),
    FOREIGN_PERMANENT_RESIDENT_ID_CARD("外国人永久居留身份证", true),
    HK_MACAO_RESIDENCE_PERMIT("港澳居民居住证", true),
    TAIWAN_RESIDENCE_PERMIT("台湾居民居住证", true),
    FOREIGN_PASSPORT("外国护照", false),
    FOREIGNER_WORK_PERMIT_A("外国人工作许可证（A类）", false),
    FOREIGNER_WORK_PERMIT_B("外国人工作许可证（B类）", false),
    FOREIGNER_WORK_PERMIT_C("外国人工作许可证（C类）", false);

    private final String chineseName;
    private final boolean mayRegisterOnline;

    DocumentType(String chineseName, boolean mayRegisterOnline) {
        this.chineseName = chineseName;
        this.mayRegisterOnline = mayRegisterOnline;
    }

    /** REG-3: false means online registration is refused until an offline collection is on record. */
    public boolean mayRegisterOnline() {
        return mayRegisterOnline;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Accepts the constant name in any case, surrounded by whitespace or not. */
    public static DocumentType parse(String code) {
        if (code == null || code.isBlank()) {
            throw CommonReason.INVALID_DOCUMENT_TYPE.refusal("The document type is missing.");
        }
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        for (DocumentType type : values()) {
            if (type.name().equals(normalised)) {
                return type;
            }
        }
        throw CommonReason.INVALID_DOCUMENT_TYPE.refusal("Unknown identity document type: " + code.strip());
    }
}
