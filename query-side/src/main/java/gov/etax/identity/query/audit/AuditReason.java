package gov.etax.identity.query.audit;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the audit endpoints. */
public enum AuditReason implements Reason {
    INVALID_INSTANT(Kind.INVALID_INPUT, "An instant is written in ISO-8601 in UTC, e.g. 2026-01-31T08:00:00Z.",
            "时间格式不正确"),
    INVALID_TIME_RANGE(Kind.INVALID_INPUT, "The start of the time range (from) must come before its end (to).",
            "起始时间须早于结束时间"),
    AUTHORIZATION_NOT_FOUND(Kind.NOT_FOUND, "No authorization with this id is in the event store.", "未找到该授权");

    private final Text text;

    /** Refusals of malformed input on this side name no business rule. */
    AuditReason(Kind kind, String message, String messageZh) {
        this.text = new Text(kind, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
