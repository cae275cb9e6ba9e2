package gov.etax.identity.query.admin;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the projection administration. */
public enum ProjectionAdminReason implements Reason {
    PROJECTION_NOT_FOUND(Kind.NOT_FOUND, "No projection (streaming processing group) of that name.", "投影不存在"),
    PROJECTION_NOT_RESETTABLE(Kind.CONFLICT, "This projection has handlers that do not support a reset.",
            "该投影不支持重放");

    private final Kind kind;
    private final String message;
    private final String messageZh;

    ProjectionAdminReason(Kind kind, String message, String messageZh) {
        this.kind = kind;
        this.message = message;
        this.messageZh = messageZh;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String rule() {
        return null;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public String messageZh() {
        return messageZh;
    }
}
