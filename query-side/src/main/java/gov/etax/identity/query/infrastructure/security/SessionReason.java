package gov.etax.identity.query.infrastructure.security;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of a session's token on the query side; the same codes as the command side's. */
public enum SessionReason implements Reason {
    PASSWORD_CHANGE_REQUIRED(Kind.FORBIDDEN, "PWD-2",
            "This session may only set a new password: the current one is an initial password.",
            "您的密码为初始密码，请先修改密码"),
    PASSWORD_NOT_SET(Kind.FORBIDDEN, "PWD-4",
            "You have no personal password yet: this session may only set a new one (command side); then log in "
                    + "with it as usual.",
            "您尚未设置个人用户密码，请重新设置新密码");

    private final Text text;

    SessionReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
