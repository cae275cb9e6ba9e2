package gov.etax.identity.kernel.refusal;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

/**
 * The catalogue of refusals. The constant's name is the stable {@code code} clients switch on;
 * {@code messageZh} is the bureau's own wording (faq-zh.txt) where it has one.
 */
public enum Reason {
    MALFORMED_REQUEST(INVALID_INPUT, null, "The request body is missing or is not valid JSON of the expected shape.", "请求格式不正确"),
    MISSING_FIELD(INVALID_INPUT, null, "A required field is missing.", "必填项不能为空"),
    INVALID_IDENTIFIER(INVALID_INPUT, null, "The identifier is not one this system issues.", "标识格式不正确"),
    INVALID_DOCUMENT_TYPE(INVALID_INPUT, "REG-3", "Unknown identity document type.", "证件类型不正确"),
    INVALID_DOCUMENT_NUMBER(INVALID_INPUT, "REG-2", "The identity document number is not valid for its type.", "证件号码不正确"),
    INVALID_NAME(INVALID_INPUT, "REG-2", "The name must be 1 to 100 characters without control characters.", "姓名不正确"),
    INVALID_PHONE(INVALID_INPUT, "LOGIN-2", "Not a mainland China mobile phone number.", "手机号码格式不正确"),
    INVALID_USERNAME(INVALID_INPUT, "LOGIN-7", "A username has 6 to 20 letters or digits and starts with a letter.",
            "用户名为6-20位数字或字母组合，第一位必须为字母，且区分大小写"),
    INVALID_USCC(INVALID_INPUT, "REG-1", "Not a valid unified social credit code (GB 32100).", "统一社会信用代码不正确"),
    PASSWORD_TOO_WEAK(INVALID_INPUT, "REG-2",
            "A password has 8 to 16 characters and at least two of: letters, digits, symbols.",
            "密码须为8-16位，且至少包含字母、数字、符号中的两种"),

    DOCUMENT_TYPE_NEEDS_OFFLINE_COLLECTION(UNPROCESSABLE, "REG-3",
            "This document type registers online only after real-name information was collected at a tax service hall.",
            "请先前往办税服务场所采集实名信息，再通过电子税务局完成自然人用户注册"),
    FACE_VERIFICATION_REQUIRED(UNPROCESSABLE, "REG-2",
            "Registration needs a face verification of the registering person.",
            "注册须完成人脸识别认证"),
    FACE_VERIFICATION_FAILED(UNPROCESSABLE, "REG-4",
            "Face verification did not pass. Check the lighting and that no other face is in the background; "
                    + "if it keeps failing, have real-name information collected at a tax service hall.",
            "请您确认能否清晰拍摄人脸图像，比如环境光线较暗、采集背景出现其他人脸等均为影响因素。"
                    + "如确认无法进行实名核验，请前往线下办税服务大厅进行实名信息采集。"),
    IDENTITY_CHECK_FAILED(UNPROCESSABLE, "REG-2",
            "Document type, number and name do not match the public-security register.",
            "身份信息校验未通过"),

    DOCUMENT_ALREADY_REGISTERED(CONFLICT, "REG-2", "A person with this identity document is already registered.",
            "该证件已注册"),
    PHONE_ALREADY_BOUND(CONFLICT, "LOGIN-2", "This phone number is already bound to another person.",
            "该手机号码已被其他用户绑定"),
    USERNAME_TAKEN(CONFLICT, "LOGIN-7", "This username is already in use.", "该用户名已被使用"),

    PERSON_NOT_FOUND(NOT_FOUND, null, "No such person.", "未找到该用户"),
    NOT_FOUND_ROUTE(NOT_FOUND, null, "No such resource.", "资源不存在");

    private final Kind kind;
    private final String rule;
    private final String message;
    private final String messageZh;

    Reason(Kind kind, String rule, String message, String messageZh) {
        this.kind = kind;
        this.rule = rule;
        this.message = message;
        this.messageZh = messageZh;
    }

    public Kind kind() {
        return kind;
    }

    /** The rule ID from RULES.md that refused, or null for plain input errors. */
    public String rule() {
        return rule;
    }

    public String message() {
        return message;
    }

    public String messageZh() {
        return messageZh;
    }

    public Refusal refusal() {
        return new Refusal(this);
    }

    public Refusal refusal(String detail) {
        return new Refusal(this, detail);
    }
}
