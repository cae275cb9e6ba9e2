package gov.etax.identity.command.person.phones;

import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of binding, unbinding and recovering phones (LOGIN-2, LOGIN-3). */
public enum PhoneReason implements Reason {
    PHONE_LIMIT_REACHED(UNPROCESSABLE, "LOGIN-2",
            "A person holds at most " + PhoneLimit.MAX_PHONES + " phone numbers; unbind one first.",
            "每人最多可绑定" + PhoneLimit.MAX_PHONES + "个手机号码，请先解除绑定其他手机号码"),
    PHONE_NOT_BOUND_TO_YOU(NOT_FOUND, "LOGIN-2", "You have not bound this phone number.", "您未绑定该手机号码"),
    SMS_CODE_INVALID(UNPROCESSABLE, "LOGIN-2",
            "The SMS code sent to the new phone number is wrong, expired or used up; request a new one if needed.",
            "短信验证码错误或已失效"),
    PHONE_RECOVERY_NOT_NEEDED(UNPROCESSABLE, "LOGIN-3",
            "Phone recovery is for persons without a bound phone; add further phones in the account center.",
            "您已绑定手机号码，请通过【我的信息】-【账户中心】-【个人信息管理】-【手机号码修改】模块添加新的手机号码"),
    RECOVERY_FACE_VERIFICATION_REQUIRED(UNPROCESSABLE, "LOGIN-3",
            "Recovering a phone needs a passed face scan of your own identity document.",
            "找回手机号码须通过扫码验证（刷脸）确认本人身份");

    private final Text text;

    PhoneReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
