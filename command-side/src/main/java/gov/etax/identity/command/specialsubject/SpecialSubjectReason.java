package gov.etax.identity.command.specialsubject;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.FORBIDDEN;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the special-subject entry and cross-region matters (LOGIN-6). */
public enum SpecialSubjectReason implements Reason {
    INVALID_MATTER_NUMBER(INVALID_INPUT, "LOGIN-6", "A matter number has 10 to 30 letters or digits.", "跨区域涉税事项管理编号格式不正确"),
    MATTER_FRAGMENT_TOO_SHORT(INVALID_INPUT, "LOGIN-6", "Search with at least the last 4 characters of the matter number.",
            "请输入跨区域涉税事项管理编号后4位"),
    MATTER_ALREADY_RECORDED(CONFLICT, "LOGIN-6", "A matter with this number is already on record.", "该跨区域涉税事项已登记"),
    SPECIAL_SUBJECT_SESSION_REQUIRED(FORBIDDEN, "LOGIN-6", "Log in at the special-subject entry first.",
            "请从特定主体入口登录"),
    MATTER_NOT_FOUND(NOT_FOUND, "LOGIN-6",
            "No matter with this number that you may see: only its enterprise's legal representative, finance manager, "
                    + "tax officers, or the handler named in the report (name and phone) see it.",
            "未查询到跨区域报验信息，请确认输入的信息是否正确");

    private final Text text;

    SpecialSubjectReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
