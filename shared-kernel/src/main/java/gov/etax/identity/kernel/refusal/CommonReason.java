package gov.etax.identity.kernel.refusal;

import static gov.etax.identity.kernel.refusal.Kind.FORBIDDEN;
import static gov.etax.identity.kernel.refusal.Kind.INTERNAL;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;
import static gov.etax.identity.kernel.refusal.Kind.UNAUTHENTICATED;

import java.util.Arrays;

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
    ACCESS_DENIED(FORBIDDEN, null, "This caller may not do this.", "无权执行此操作"),
    METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED, null, "This resource does not answer this HTTP method.", "不支持该请求方法"),
    NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE, null, "This resource cannot answer in any of the accepted media types.",
            "无法以请求的格式返回结果"),
    PAYLOAD_TOO_LARGE(Kind.PAYLOAD_TOO_LARGE, null, "The request is too large.", "请求内容过大"),
    UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE, null,
            "The request body must be sent as application/json (Content-Type).", "请求内容格式不受支持，请使用JSON"),
    INTERNAL_ERROR(INTERNAL, null, "The request could not be completed; nothing was changed.", "系统繁忙，请稍后再试"),
    SERVICE_UNAVAILABLE(Kind.SERVICE_UNAVAILABLE, null, "The service is temporarily unavailable; try again later.",
            "服务暂不可用，请稍后再试");

    /**
     * The reason for an error the web container or framework raises with only a status (an unknown
     * route, a wrong method, an unreadable request line): the same code and wording for that status
     * on both applications.
     */
    public static CommonReason forStatus(int status) {
        if (status == 400) {
            return MALFORMED_REQUEST;
        }
        if (status == 404) {
            return NOT_FOUND_ROUTE;
        }
        return Arrays.stream(values()).filter(r -> r.kind().httpStatus() == status).findFirst()
                .orElse(status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST);
    }

    private final Text text;

    CommonReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
