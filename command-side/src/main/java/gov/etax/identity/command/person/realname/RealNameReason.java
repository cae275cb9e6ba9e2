package gov.etax.identity.command.person.realname;

import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of raising the real-name level (REG-5). */
public enum RealNameReason implements Reason {
    REAL_NAME_FACE_VERIFICATION_REQUIRED(UNPROCESSABLE, "REG-5",
            "Raising the real-name level to 4 needs a passed face scan of your own identity document.",
            "请使用江西税务APP或个人所得税APP进行本人扫脸认证，从而提升实名等级至四级"),
    RISK_MATTER_FACE_SCAN_REQUIRED(UNPROCESSABLE, "REG-5",
            "This is a risk matter and your real-name level is 3: give a passed face scan of your own identity "
                    + "document (faceVerificationToken); it also raises your level to 4.",
            "您正在办理风险实名事项，请使用江西税务APP或个人所得税APP进行本人扫脸认证，从而提升实名等级至四级");

    private final Text text;

    RealNameReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
