package gov.etax.identity.command.enterprise;

import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.util.Optional;

/**
 * REG-1: one enterprise per unified social credit code, across every command-side node. A look-up
 * table kept by {@link JdbcEnterpriseRegister} in the transaction of the confirmation.
 */
public interface EnterpriseRegister {

    Optional<EnterpriseId> find(Uscc uscc);
}
