package gov.etax.identity.kernel;

import gov.etax.identity.kernel.authorization.AuthorizationStatus;
import gov.etax.identity.kernel.authorization.EndReason;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.RealNameLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bureau's Chinese names of the codes clients send and receive, for the API description
 * (a form shows 法定代表人, the request carries LEGAL_REPRESENTATIVE).
 */
public final class ChineseLabels {

    private static final Map<Enum<?>, String> LABELS = new LinkedHashMap<>();

    static {
        Arrays.stream(DocumentType.values()).forEach(type -> LABELS.put(type, type.chineseName()));
        put(RelationshipRole.LEGAL_REPRESENTATIVE, "法定代表人");
        put(RelationshipRole.FINANCE_MANAGER, "财务负责人");
        put(RelationshipRole.TAX_OFFICER, "办税员");
        put(RelationshipRole.INVOICING_OFFICER, "开票员");
        put(RelationshipRole.TAX_AGENT, "涉税代理人员");
        put(FunctionSet.TAX_DECLARATION, "税费申报");
        put(FunctionSet.TAX_PAYMENT, "税费缴纳");
        put(FunctionSet.TAX_CERTIFICATES, "证明开具");
        put(FunctionSet.TAX_INFORMATION_QUERY, "涉税信息查询");
        put(FunctionSet.INVOICE_ISSUING, "发票开具");
        put(FunctionSet.INVOICE_PROCUREMENT, "发票领用与勾选确认");
        put(TaxOfficerIdentity.MAIN, "主身份办税员");
        put(TaxOfficerIdentity.SUB, "子身份办税员");
        put(EndReason.LEFT_ENTERPRISE, "离职");
        put(EndReason.DUTIES_CHANGED, "岗位变动");
        put(EndReason.GRANTED_IN_ERROR, "误授权");
        put(EndReason.AGENCY_CONTRACT_ENDED, "代理合同终止");
        put(EndReason.OTHER, "其他");
        put(EndReason.LEGAL_REPRESENTATIVE_CHANGED, "法定代表人变更");
        put(EndReason.REPLACED_BY_NEW_REPORT, "财务负责人变更");
        put(LoginEntry.NATURAL_PERSON, "自然人业务");
        put(LoginEntry.ENTERPRISE, "企业业务");
        put(LoginEntry.AGENT, "代理业务");
        put(LoginEntry.SPECIAL_SUBJECT, "特定主体");
        put(RealNameLevel.LEVEL_3, "三级实名（迁移而来，未经人脸识别）");
        put(RealNameLevel.LEVEL_4, "四级实名（经人脸识别）");
        put(AuthorizationStatus.PENDING, "待确认");
        put(AuthorizationStatus.ACTIVE, "已生效");
        put(AuthorizationStatus.REJECTED, "已拒绝");
        put(AuthorizationStatus.WITHDRAWN, "已撤回");
        put(AuthorizationStatus.REVOKED, "已解除");
        put(AuthorizationStatus.EXPIRED, "已过期");
    }

    private ChineseLabels() {
    }

    private static void put(Enum<?> constant, String label) {
        LABELS.put(constant, label);
    }

    /** The enums that have labels here, each of whose constants has one. */
    public static List<Class<? extends Enum<?>>> enums() {
        return List.of(DocumentType.class, RelationshipRole.class, FunctionSet.class, TaxOfficerIdentity.class,
                EndReason.class, LoginEntry.class, RealNameLevel.class, AuthorizationStatus.class);
    }

    /** The constants' names to their Chinese labels, in declaration order; null for a constant without one. */
    public static Map<String, String> of(Class<? extends Enum<?>> type) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            labels.put(constant.name(), LABELS.get(constant));
        }
        return labels;
    }
}
