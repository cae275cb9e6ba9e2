package gov.etax.identity.command.sms;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.TOO_MANY_REQUESTS;
import static gov.etax.identity.kernel.refusal.Kind.UNAUTHENTICATED;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of SMS verification codes (REG-7, LOGIN-2). */
public enum SmsReason implements Reason {
    SMS_SENDING_PAUSED(TOO_MANY_REQUESTS, "REG-7",
            "At most 5 SMS codes are sent to one phone in 10 minutes, counted from the first of them; try again at retryAt.",
            "短信验证码获取频繁，请稍后重试"),
    PHONE_NOT_BOUND(UNPROCESSABLE, "LOGIN-2",
            "This phone number is not bound to any person; try the identity document number instead.",
            "手机号码不存在，您可以尝试使用证件号码登录"),
    PHONE_ALREADY_BOUND(CONFLICT, "LOGIN-2", "This phone number is already bound to another person.",
            "该手机号码已被其他用户绑定"),
    PHONE_BINDING_NEEDS_SIGN_IN(UNAUTHENTICATED, "LOGIN-2",
            "A code to bind a phone, or to register with it, is sent to a signed-in person, or with a passed face scan "
                    + "whose token is not yet used, or (registration) for a document collected at a tax service hall under that name.",
            "请先登录，或完成人脸识别后再获取验证码"),
    INVALID_SMS_PURPOSE(INVALID_INPUT, "REG-7",
            "The purpose of an SMS code is LOGIN, PASSWORD_RESET, PHONE_BINDING or REGISTRATION.",
            "短信验证码用途不正确");

    private final Text text;

    SmsReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
