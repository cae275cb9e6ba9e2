package gov.etax.identity.command.person.offline;

import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of recording an offline real-name collection (REG-3). */
public enum OfflineCollectionReason implements Reason {
    INVALID_SERVICE_HALL(INVALID_INPUT, "REG-3",
            "Name the tax service hall where the information was collected: 1 to 100 characters without control characters.",
            "请填写采集实名信息的办税服务场所");

    private final Text text;

    OfflineCollectionReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
