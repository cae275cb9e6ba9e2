package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Like {@link AddTaxOfficer}, for an invoicing officer, whose grant holds invoicing function sets only. */
public record AddInvoicingOfficer(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        EnterpriseId enterpriseId,
        Uscc uscc,
        SealedHolder nominee,
        Set<FunctionSet> scopes,
        LocalDate validUntil,
        Actor nominatedBy) {
}
