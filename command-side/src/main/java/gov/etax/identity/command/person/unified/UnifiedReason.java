package gov.etax.identity.command.person.unified;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals about a person's province accounts and the national unified credentials (PWD-6). */
public enum UnifiedReason implements Reason {
    PROVINCE_ACCOUNT_EXISTS(CONFLICT, "PWD-6", "This person already holds an account of this province.",
            "该省份账户已存在"),
    PROVINCE_ACCOUNT_NOT_HELD(UNPROCESSABLE, "PWD-6",
            "Only the credentials of a province account the person holds can become the national unified credentials.",
            "您在该省份没有自然人账户，不能将其设置为全国统一账密");

    private final Text text;

    UnifiedReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
