package gov.etax.identity.query.admin;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the projection administration. */
public enum ProjectionAdminReason implements Reason {
    PROJECTION_NOT_FOUND(Kind.NOT_FOUND, "No projection (streaming processing group) of that name.", "投影不存在"),
    PROJECTION_NOT_RESETTABLE(Kind.CONFLICT, "This projection has handlers that do not support a reset.",
            "该投影不支持重放"),
    PROJECTION_REBUILD_RUNNING(Kind.CONFLICT, "A rebuild is running; one runs at a time.", "已有投影正在重建，请待其完成后再试");

    private final Text text;

    /** Refusals of malformed input on this side name no business rule. */
    ProjectionAdminReason(Kind kind, String message, String messageZh) {
        this.text = new Text(kind, null, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
