package gov.etax.identity.command.enterprise.confirmation;

import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.command.enterprise.EnterpriseRegister;
import gov.etax.identity.kernel.enterprise.Uscc;

/**
 * REG-1: an enterprise exists once its tax information is confirmed, and only once per unified
 * social credit code. Read before deciding; the register's key, written in the confirmation's
 * transaction, stays the guard across nodes.
 */
public final class OneEnterprisePerUscc {

    private OneEnterprisePerUscc() {
    }

    public static void check(EnterpriseRegister register, Uscc uscc) {
        if (register.find(uscc).isPresent()) {
            throw EnterpriseReason.ENTERPRISE_ALREADY_CONFIRMED.refusal();
        }
    }
}
