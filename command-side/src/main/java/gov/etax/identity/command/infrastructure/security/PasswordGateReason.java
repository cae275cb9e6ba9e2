package gov.etax.identity.command.infrastructure.security;

import static gov.etax.identity.kernel.refusal.Kind.FORBIDDEN;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** What a session that must first set a password is told when it asks for anything else (PWD-2, PWD-4). */
public enum PasswordGateReason implements Reason {
    PASSWORD_NOT_SET(FORBIDDEN, "PWD-4",
            "You have no personal password yet: this session may only set a new one (POST /api/me/password "
                    + "with newPassword); then log in with it as usual.",
            "您尚未设置个人用户密码，请重新设置新密码"),
    PASSWORD_CHANGE_REQUIRED(FORBIDDEN, "PWD-2",
            "This session may only set a new password: the current one is an initial password.",
            "您的密码为初始密码，请先修改密码");

    private final Text text;

    PasswordGateReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
