package gov.etax.identity.query.infrastructure.security;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Why the query side cannot check a caller's token right now. */
public enum QuerySecurityReason implements Reason {
    SESSION_KEYS_UNAVAILABLE(Kind.SERVICE_UNAVAILABLE, "Session tokens cannot be checked now: the command side's keys are "
            + "unavailable. Try again shortly.", "系统繁忙，请稍后再试");

    private final Text text;

    QuerySecurityReason(Kind kind, String message, String messageZh) {
        this.text = new Text(kind, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
