package gov.etax.identity.command.person.scanlogin;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;
import static gov.etax.identity.kernel.refusal.Kind.UNAUTHENTICATED;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of scan login (LOGIN-5). */
public enum ScanLoginReason implements Reason {
    LOGIN_TICKET_NOT_FOUND(NOT_FOUND, "LOGIN-5", "No such login ticket.", "二维码不存在"),
    LOGIN_TICKET_EXPIRED(UNPROCESSABLE, "LOGIN-5", "The QR code has expired; show a new one.", "二维码已过期，请刷新"),
    LOGIN_TICKET_NOT_APPROVED(CONFLICT, "LOGIN-5", "The QR code has not been approved in the app yet.", "请在APP中确认登录"),
    LOGIN_TICKET_ALREADY_USED(CONFLICT, "LOGIN-5", "This QR code was already used to log in.", "二维码已使用"),
    APP_LOGIN_REQUIRED(UNAUTHENTICATED, "LOGIN-5",
            "The IIT app approves a QR code once its own login passed a face scan of a registered person.",
            "个人所得税APP需要先登录后再扫脸验证"),
    UNKNOWN_APP(INVALID_INPUT, "LOGIN-5", "The app is TAX_APP or IIT_APP.", "不支持的扫码APP");

    private final Text text;

    ScanLoginReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
