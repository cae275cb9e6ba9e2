package gov.etax.identity.command.enterprise;

import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.util.Optional;

/** REG-1: one enterprise per unified social credit code, across every command-side node. */
public interface EnterpriseRegister {

    /**
     * Claims the USCC for the enterprise inside the current transaction.
     *
     * @throws gov.etax.identity.kernel.refusal.Refusal ENTERPRISE_ALREADY_CONFIRMED
     */
    void claim(Uscc uscc, EnterpriseId enterpriseId);

    Optional<EnterpriseId> find(Uscc uscc);
}
