package gov.etax.identity.query.center;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the account center's list endpoints. */
public enum CenterReason implements Reason {
    INVALID_CURSOR(Kind.INVALID_INPUT, "The cursor is not one this list handed out.", "分页游标无效"),
    INVALID_LIMIT(Kind.INVALID_INPUT, "limit must be between 1 and " + PageRequest.MAX_LIMIT + ".", "每页条数无效"),
    INVALID_STATUS(Kind.INVALID_INPUT, "status must be PENDING or ACTIVE.", "授权状态无效");

    private final Text text;

    /** Refusals of malformed input on this side name no business rule. */
    CenterReason(Kind kind, String message, String messageZh) {
        this.text = new Text(kind, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
