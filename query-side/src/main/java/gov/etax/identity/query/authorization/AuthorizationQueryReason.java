package gov.etax.identity.query.authorization;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of the authorization read models. */
public enum AuthorizationQueryReason implements Reason {
    STAFF_LIST_FOR_LR_OR_FM(Kind.FORBIDDEN, "ACC-2",
            "The enterprise's tax staff are listed to its legal representative or finance manager, in an enterprise "
                    + "session of that enterprise.",
            "仅法定代表人、财务负责人可以查看本企业的办税人员");

    private final Kind kind;
    private final String rule;
    private final String message;
    private final String messageZh;

    AuthorizationQueryReason(Kind kind, String rule, String message, String messageZh) {
        this.kind = kind;
        this.rule = rule;
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
        return rule;
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
