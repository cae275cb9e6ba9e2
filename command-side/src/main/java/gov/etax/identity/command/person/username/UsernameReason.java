package gov.etax.identity.command.person.username;

import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of setting or changing a username (LOGIN-7); format and uniqueness refusals are shared ones. */
public enum UsernameReason implements Reason {
    USERNAME_CHANGED_WITHIN_A_YEAR(UNPROCESSABLE, "LOGIN-7",
            "A username may be changed once a year; the next change is possible from changeAllowedFrom.",
            "用户名一年可修改一次");

    private final Text text;

    UsernameReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
