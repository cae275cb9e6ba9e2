package gov.etax.identity.command.enterprise;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of confirming an enterprise's tax information and changing its legal representative or finance manager (REG-1, ACC-1, ACC-3, ACC-4). */
public enum EnterpriseReason implements Reason {
    ENTERPRISE_ALREADY_CONFIRMED(CONFLICT, "REG-1",
            "The tax information of the enterprise with this unified social credit code is already confirmed.",
            "该企业的税务信息已确认"),
    INVALID_ENTERPRISE_NAME(INVALID_INPUT, "REG-1",
            "The enterprise name must be 1 to 200 characters without control characters.",
            "企业名称不正确"),
    LEGAL_REPRESENTATIVE_REQUIRED(INVALID_INPUT, "ACC-3",
            "The legal representative (documentType, documentNumber, name) is required.",
            "请填写法定代表人信息"),
    INVALID_LEGAL_REPRESENTATIVE_SOURCE(INVALID_INPUT, "ACC-1",
            "source is MARKET_REGULATION, CIVIL_AFFAIRS or SOCIAL_SECURITY.",
            "法定代表人信息来源不正确"),
    SAME_LEGAL_REPRESENTATIVE(CONFLICT, "ACC-1",
            "This person is already the enterprise's legal representative.",
            "该人员已是本企业的法定代表人"),
    SAME_FINANCE_MANAGER(CONFLICT, "ACC-4",
            "This person is already the enterprise's reported finance manager.",
            "该人员已是本企业报告的财务负责人");

    private final Text text;

    EnterpriseReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
