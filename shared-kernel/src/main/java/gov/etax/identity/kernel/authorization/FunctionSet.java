package gov.etax.identity.kernel.authorization;

import java.util.EnumSet;
import java.util.Set;

/**
 * The function-set permissions a grant carries ("Facts from outside the FAQ", ACC-5): tax officers
 * get the tax function sets by default, invoicing officers the invoicing ones only.
 */
public enum FunctionSet {
    /** 税费申报 */
    TAX_DECLARATION(false),
    /** 税费缴纳 */
    TAX_PAYMENT(false),
    /** 证明开具 */
    TAX_CERTIFICATES(false),
    /** 涉税信息查询 */
    TAX_INFORMATION_QUERY(false),
    /** 发票开具 */
    INVOICE_ISSUING(true),
    /** 发票领用与勾选确认 */
    INVOICE_PROCUREMENT(true);

    private final boolean invoicing;

    FunctionSet(boolean invoicing) {
        this.invoicing = invoicing;
    }

    public boolean isInvoicing() {
        return invoicing;
    }

    /** The tax function sets: the default of tax officers and tax agent personnel. */
    public static Set<FunctionSet> taxSets() {
        EnumSet<FunctionSet> sets = EnumSet.noneOf(FunctionSet.class);
        for (FunctionSet set : values()) {
            if (!set.invoicing) {
                sets.add(set);
            }
        }
        return Set.copyOf(sets);
    }

    /** The invoicing function sets: the default, and the limit, of invoicing officers. */
    public static Set<FunctionSet> invoicingSets() {
        EnumSet<FunctionSet> sets = EnumSet.noneOf(FunctionSet.class);
        for (FunctionSet set : values()) {
            if (set.invoicing) {
                sets.add(set);
            }
        }
        return Set.copyOf(sets);
    }
}
