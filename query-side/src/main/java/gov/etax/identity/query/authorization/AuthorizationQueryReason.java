package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the authorization read models. */
public enum AuthorizationQueryReason implements Reason {
    INVALID_STATUS(Kind.INVALID_INPUT, null, "status must be PENDING or ACTIVE.", "授权状态无效"),
    STAFF_LIST_FOR_LR_OR_FM(Kind.FORBIDDEN, "ACC-2",
            "The enterprise's tax staff are listed to its legal representative or finance manager, in an enterprise "
                    + "session of that enterprise.",
            "仅法定代表人、财务负责人可以查看本企业的办税人员"),
    RELATIONSHIP_NOT_IN_FORCE(Kind.FORBIDDEN, "ACC-2",
            "The relationship this enterprise session acts under is no longer in force (revoked, replaced or expired).",
            "您与该企业的关联关系已解除，请重新登录");

    private final Text text;

    AuthorizationQueryReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
