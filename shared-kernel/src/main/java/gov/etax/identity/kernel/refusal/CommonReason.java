package gov.etax.identity.kernel.refusal;

import static gov.etax.identity.kernel.refusal.Kind.FORBIDDEN;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;
import static gov.etax.identity.kernel.refusal.Kind.UNAUTHENTICATED;

/** Refusals of malformed input and unknown things, shared by both applications. */
public enum CommonReason implements Reason {
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
    PERSON_NOT_FOUND(NOT_FOUND, null, "No such person.", "未找到该用户"),
    NOT_FOUND_ROUTE(NOT_FOUND, null, "No such resource.", "资源不存在"),
    AUTHENTICATION_REQUIRED(UNAUTHENTICATED, null, "A valid access token is required: log in first.", "请先登录"),
    ACCESS_DENIED(FORBIDDEN, null, "This caller may not do this.", "无权执行此操作");

    private final Text text;

    CommonReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
