package gov.etax.identity.query.infrastructure.web;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of a list endpoint's {@code ?limit=&cursor=}. */
public enum PagingReason implements Reason {
    INVALID_CURSOR(Kind.INVALID_INPUT, "The cursor is not one this list handed out.", "分页游标无效"),
    INVALID_LIMIT(Kind.INVALID_INPUT, "limit must be between 1 and " + PageRequest.MAX_LIMIT + ".", "每页条数无效");

    private final Text text;

    /** Refusals of malformed input on this side name no business rule. */
    PagingReason(Kind kind, String message, String messageZh) {
        this.text = new Text(kind, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
