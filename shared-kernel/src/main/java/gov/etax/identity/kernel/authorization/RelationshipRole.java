package gov.etax.identity.kernel.authorization;

/** The five person–enterprise relationships ("5员", ACC-1), which are also the roles of an enterprise session. */
public enum RelationshipRole {
    /** 法定代表人: bound automatically once the enterprise's tax information is confirmed (ACC-3) */
    LEGAL_REPRESENTATIVE,
    /** 财务负责人: must confirm the pending authorization and cannot reject it (ACC-4) */
    FINANCE_MANAGER,
    /** 办税员, main (主身份) or sub (子身份) identity */
    TAX_OFFICER,
    /** 开票员 */
    INVOICING_OFFICER,
    /** 涉税代理人员: logs in at the agent entry */
    TAX_AGENT;

    /** ACC-2: only the legal representative and the finance manager add or remove staff. */
    public boolean managesStaff() {
        return this == LEGAL_REPRESENTATIVE || this == FINANCE_MANAGER;
    }
}
