package gov.etax.identity.command.person.signin;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.FORBIDDEN;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.UNAUTHENTICATED;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of logging in and of sessions (REG-6, LOGIN-2, LOGIN-3, LOGIN-5, PWD-5). */
public enum SignInReason implements Reason {
    ACCOUNT_REQUIRED(INVALID_INPUT, "LOGIN-1",
            "Give exactly one account: document type and number, a bound phone, or a username.",
            "请输入证件号码、手机号码或用户名之一"),
    SECOND_FACTOR_REQUIRED(INVALID_INPUT, "LOGIN-5",
            "A password login needs a second factor: an SMS code or a face verification token.",
            "请完成短信验证或扫码验证"),
    ACCOUNT_NOT_REGISTERED(UNAUTHENTICATED, "REG-6", "This identity is not registered; register first.", "该用户未注册"),
    LOGIN_PHONE_NOT_BOUND(UNAUTHENTICATED, "LOGIN-2", "No person has bound this phone number.",
            "手机号码不存在，您可以尝试使用证件号码登录"),
    PHONE_EMPTY(UNPROCESSABLE, "LOGIN-3",
            "No phone is bound to this account (a phone found on several persons was cleared): log in with scan "
                    + "verification, then add a phone in the account center or through phone recovery.",
            "手机号码为空，请选择“扫码验证”改用刷脸验证进行登录。登录成功后，进入【账户中心】-【个人信息管理】-【手机号码修改】"
                    + "模块添加新的手机号码，或通过登录页面的【找回手机号码】功能设置新的手机号"),
    SMS_PHONE_CHOICE_REQUIRED(UNPROCESSABLE, "LOGIN-2",
            "You hold several phones: name the one to receive the code (see phonesMasked).",
            "请选择接收验证码的手机号码"),
    WRONG_CREDENTIALS(UNAUTHENTICATED, "PWD-5", "The account or password is wrong.", "账号或密码错误"),
    WRONG_SMS_CODE(UNAUTHENTICATED, "PWD-5", "The SMS code is wrong, expired or used up.", "短信验证码错误或已失效"),
    FACE_NOT_VERIFIED(UNAUTHENTICATED, "PWD-5", "The face verification did not pass or its token is not valid.",
            "扫码验证未通过"),
    ACCOUNT_LOCKED(FORBIDDEN, "PWD-5",
            "Five failures in a row with this method today locked the account until 00:00 tomorrow (China Standard Time); "
                    + "a password reset unlocks it at once.",
            "一天内同一认证方式连续失败5次，账号已锁定。可通过【忘记密码】修改密码后重新登录，或等待次日零时系统自动解锁。"),
    USCC_REQUIRED(INVALID_INPUT, "PWD-1", "The enterprise and agent entries need the enterprise's USCC.",
            "请输入统一社会信用代码"),
    NO_RELATIONSHIP_WITH_ENTERPRISE(FORBIDDEN, "LOGIN-4", "You have no relationship with this enterprise.",
            "未查询到您与该企业的关联关系"),
    PENDING_AUTHORIZATION_TO_CONFIRM(CONFLICT, "ACC-4",
            "You are the reported finance manager: confirm the pending authorization (log in again with "
                    + "confirmPendingAuthorization and a face scan) to act for this enterprise.",
            "您有待确认的财务负责人授权，请确认后登录"),
    ROLE_CHOICE_REQUIRED(CONFLICT, "ACC-8",
            "You hold several roles in this enterprise: choose one (see roles).", "请选择登录身份");

    private final Text text;

    SignInReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
