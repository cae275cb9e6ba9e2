package gov.etax.identity.command.person;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of registration and of a person's identifying values (REG, LOGIN-2, LOGIN-7). */
public enum PersonReason implements Reason {
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
            "Face verification did not pass. Check the lighting and that no other face is in the background, "
                    + "and make the movements the prompts ask for clearly; if it keeps failing, have real-name information collected at a tax service hall.",
            "请您确认能否清晰拍摄人脸图像，比如环境光线较暗、采集背景出现其他人脸等均为影响因素。"
                    + "按照提示做明显动作，以便系统判断。"
                    + "如确认无法进行实名核验，请前往线下办税服务大厅进行实名信息采集。"),
    NAME_DIFFERS_FROM_HALL_COLLECTION(UNPROCESSABLE, "REG-3",
            "The name differs from the one collected for this document at the tax service hall.",
            "注册姓名与办税服务场所采集的实名信息不一致"),
    IDENTITY_CHECK_FAILED(UNPROCESSABLE, "REG-2",
            "Document type, number and name do not match the public-security register.",
            "身份信息校验未通过"),
    DOCUMENT_ALREADY_REGISTERED(CONFLICT, "REG-2", "A person with this identity document is already registered.",
            "该证件已注册"),
    PHONE_ALREADY_BOUND(CONFLICT, "LOGIN-2", "This phone number is already bound to another person.",
            "该手机号码已被其他用户绑定"),
    USERNAME_TAKEN(CONFLICT, "LOGIN-7", "This username is already in use.", "该用户名已被使用"),
    PHONE_PROOF_REQUIRED(UNPROCESSABLE, "LOGIN-2",
            "Registration needs the SMS code sent to the phone (purpose REGISTRATION): only its holder binds it.",
            "请输入发送至该手机号码的短信验证码"),
    PHONE_PROOF_INVALID(UNPROCESSABLE, "LOGIN-2",
            "The SMS code sent to the phone is wrong, expired or used up; request a new one if needed.",
            "短信验证码错误或已失效"),
    INVALID_IDEMPOTENCY_KEY(INVALID_INPUT, null,
            "An Idempotency-Key has 1 to 255 printable ASCII characters without spaces.", "请求标识格式不正确"),
    IDEMPOTENCY_KEY_REUSED(UNPROCESSABLE, null,
            "This Idempotency-Key was already used for a registration with other data; use a new key.",
            "该请求标识已用于其他注册信息，请使用新的请求标识"),
    REGISTRATION_IN_PROGRESS(CONFLICT, null,
            "The same registration is still being processed; repeat the request shortly.", "注册正在处理中，请稍后重试");

    private final Text text;

    PersonReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
