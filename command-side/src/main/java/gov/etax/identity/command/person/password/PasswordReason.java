package gov.etax.identity.command.person.password;

import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.UNAUTHENTICATED;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the forgot-password flow (PWD-3) and of the password change in the account center (PWD-4). */
public enum PasswordReason implements Reason {
    RESET_VERIFICATION_REQUIRED(INVALID_INPUT, "PWD-3",
            "A password reset needs exactly one verification: an SMS code with the phone it was sent to, "
                    + "or a face verification token.",
            "请选择短信验证或扫码验证，验证通过后，可以设置新密码"),
    RESET_SMS_CODE_WRONG(UNAUTHENTICATED, "PWD-3", "The SMS code is wrong.", "短信验证码错误或已失效"),
    RESET_SMS_CODE_EXPIRED(UNAUTHENTICATED, "PWD-3",
            "The SMS code has expired (a code is valid for 5 minutes); ask for a new one.", "短信验证码错误或已失效"),
    RESET_SMS_CODE_USED_UP(UNAUTHENTICATED, "PWD-3",
            "The SMS code was tried wrongly 5 times and no longer works; ask for a new one.", "短信验证码错误或已失效"),
    RESET_SMS_CODE_MISSING(UNAUTHENTICATED, "PWD-3",
            "No password-reset code was sent to this phone for this person, or it was already used.",
            "短信验证码错误或已失效"),
    RESET_FACE_NOT_VERIFIED(UNAUTHENTICATED, "PWD-3",
            "The face verification token is unknown, expired, already used or for another document.", "扫码验证未通过"),
    RESET_FACE_VERIFICATION_FAILED(UNPROCESSABLE, "PWD-3",
            "Face verification did not pass. Check the lighting and that no other face is in the background; "
                    + "if it keeps failing, have real-name information collected at a tax service hall.",
            "请您确认能否清晰拍摄人脸图像，比如环境光线较暗、采集背景出现其他人脸等均为影响因素。"
                    + "如确认无法进行实名核验，请前往线下办税服务大厅进行实名信息采集。"),
    CURRENT_PASSWORD_WRONG(UNPROCESSABLE, "PWD-4",
            "The current password is wrong. Five wrong current passwords end the session.", "原密码错误");

    private final Text text;

    PasswordReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
