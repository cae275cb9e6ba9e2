package gov.etax.identity.command.authorization;

import static gov.etax.identity.kernel.refusal.Kind.CONFLICT;
import static gov.etax.identity.kernel.refusal.Kind.FORBIDDEN;
import static gov.etax.identity.kernel.refusal.Kind.INVALID_INPUT;
import static gov.etax.identity.kernel.refusal.Kind.NOT_FOUND;
import static gov.etax.identity.kernel.refusal.Kind.UNPROCESSABLE;

import gov.etax.identity.kernel.refusal.Kind;
import gov.etax.identity.kernel.refusal.Reason;

/** Refusals of nominating, confirming and ending person–enterprise relationships (ACC-1..ACC-7). */
public enum AuthorizationReason implements Reason {
    STAFF_NOT_REGISTERED(UNPROCESSABLE, "ACC-1",
            "The person is not registered; they register first, then can be added.",
            "该办税人员尚未注册"),
    STAFF_MANAGED_BY_LR_OR_FM(FORBIDDEN, "ACC-2",
            "Only the legal representative or the finance manager, in an enterprise session of this enterprise, "
                    + "adds, withdraws or removes tax staff.",
            "仅法定代表人、财务负责人有权限添加或删除办税人员"),
    NOT_THE_NOMINEE(FORBIDDEN, "ACC-1",
            "Only the nominated person confirms or rejects this authorization; nobody consents for another.",
            "仅被授权人本人可以确认或拒绝该授权"),
    NOT_THE_OTHER_SIDE(FORBIDDEN, "ACC-2",
            "A tax agent relationship is confirmed or rejected by the legal representative or finance manager "
                    + "of the other enterprise, in an enterprise session of that enterprise.",
            "涉税代理授权须由另一方企业的法定代表人或财务负责人确认"),
    FACE_VERIFICATION_REQUIRED(UNPROCESSABLE, "ACC-5",
            "Confirming an authorization needs a face scan of the nominee, unless the session was opened by face verification.",
            "确认授权须进行人脸识别认证"),
    FACE_VERIFICATION_FAILED(UNPROCESSABLE, "ACC-5",
            "The face scan did not pass. Check the lighting and that no other face is in the background.",
            "人脸识别认证未通过，请您确认能否清晰拍摄人脸图像"),
    FINANCE_MANAGER_CANNOT_REJECT(UNPROCESSABLE, "ACC-4",
            "The finance manager reported to the tax authority confirms the pending authorization and cannot reject it.",
            "财务负责人须确认授权，不能拒绝"),
    FINANCE_MANAGER_REPORT_NOT_WITHDRAWABLE(UNPROCESSABLE, "ACC-4",
            "The finance manager's pending authorization comes from the report to the tax authority; it is not withdrawn online.",
            "财务负责人授权来源于向税务机关报告的信息，不能撤回"),
    AUTHORIZATION_NOT_FOUND(NOT_FOUND, null, "No such authorization.", "未找到该授权"),
    ENTERPRISE_NOT_FOUND(NOT_FOUND, "REG-1",
            "No enterprise with this unified social credit code: enterprises exist once the tax authority confirms their tax information.",
            "未查询到该企业，企业须经税务机关确认税务信息"),
    AUTHORIZATION_NOT_PENDING(CONFLICT, "ACC-5",
            "The authorization is no longer pending: it was already confirmed, rejected, withdrawn, ended or has expired.",
            "该授权已处理，不是待确认状态"),
    AUTHORIZATION_NOT_ACTIVE(CONFLICT, "ACC-6",
            "The relationship is not in force: it is still pending (withdraw it instead) or has already ended.",
            "该关联关系未生效或已解除"),
    AUTHORIZATION_EXPIRED(CONFLICT, "ACC-5",
            "The authorization's end of validity has passed.",
            "该授权已超过有效期止"),
    ALREADY_AUTHORIZED(CONFLICT, "ACC-5",
            "This person already holds this role in the enterprise, or has a pending authorization for it.",
            "该人员在本企业已有该身份或待确认的授权"),
    SCOPE_NOT_ALLOWED(UNPROCESSABLE, "ACC-5",
            "Invoicing officers are granted invoicing function sets only.",
            "开票员仅可授予发票类功能权限"),
    VALID_UNTIL_REQUIRED(INVALID_INPUT, "ACC-5",
            "A grant to tax staff carries an end date of validity (validUntil, yyyy-MM-dd).",
            "请填写授权有效期止"),
    VALIDITY_ALREADY_OVER(UNPROCESSABLE, "ACC-5",
            "The end date of validity is before today (China Standard Time).",
            "授权有效期止不能早于当前日期"),
    INVALID_STAFF_ROLE(INVALID_INPUT, "ACC-2",
            "Tax staff are added as TAX_OFFICER (with taxOfficerIdentity MAIN or SUB) or INVOICING_OFFICER.",
            "办税人员身份须为办税员或开票员"),
    INVALID_SCOPE(INVALID_INPUT, "ACC-5",
            "Unknown function set; see FunctionSet (TAX_DECLARATION, TAX_PAYMENT, INVOICE_ISSUING, ...).",
            "功能权限不正确"),
    NOT_THE_HOLDER(FORBIDDEN, "ACC-7",
            "Only the person holding the relationship ends it from their own side.",
            "仅关联关系本人可以解除"),
    LEGAL_REPRESENTATIVE_NOT_REMOVABLE(UNPROCESSABLE, "ACC-1",
            "The legal representative follows market-regulation, civil-affairs and social-security data; "
                    + "it changes only when the tax authority enters a new legal representative.",
            "法定代表人以市场监管、民政、社保部门交换数据为准，不能删除"),
    NOT_REMOVABLE_FROM_THIS_SIDE(FORBIDDEN, "ACC-6",
            "This relationship is not ended from this side: the enterprise side removes tax staff and tax agents, "
                    + "the finance manager's relationship ends at the person's own request or at a service hall.",
            "该关联关系不能由此方解除"),
    INVALID_END_REASON(INVALID_INPUT, "ACC-6",
            "reason is one of LEFT_ENTERPRISE, DUTIES_CHANGED, GRANTED_IN_ERROR, AGENCY_CONTRACT_ENDED, OTHER.",
            "请选择解除原因"),
    AGENCY_IS_CLIENT(UNPROCESSABLE, "ACC-1",
            "An enterprise cannot be its own tax agency.",
            "代理机构与委托企业不能相同"),
    AGENT_NOT_AT_AGENCY(UNPROCESSABLE, "ACC-1",
            "The tax agent personnel must be in force as staff of the agency (any of the five roles).",
            "该涉税代理人员与代理机构不存在关联关系"),
    CONCURRENT_CHANGE(CONFLICT, null,
            "The authorization was changed by another request at the same moment; reload it and try again.",
            "该授权正被其他操作修改，请刷新后重试");

    private final Text text;

    AuthorizationReason(Kind kind, String rule, String message, String messageZh) {
        this.text = new Text(kind, rule, message, messageZh);
    }

    @Override
    public Text text() {
        return text;
    }
}
