package gov.etax.identity.command.person.offline;

import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of recording an offline real-name collection (REG-3). */
public enum OfflineCollectionReason implements Reason {
    INVALID_SERVICE_HALL(INVALID_INPUT, "REG-3",
            "Name the tax service hall where the information was collected: 1 to 100 characters without control characters.",
            "请填写采集实名信息的办税服务场所");

    private final Kind kind;
    private final String rule;
    private final String message;
    private final String messageZh;

    OfflineCollectionReason(Kind kind, String rule, String message, String messageZh) {
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
