package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The legal representative or finance manager nominates a registered person as tax officer
 * (ACC-2, ACC-5); the nominee gets a pending authorization to confirm.
 *
 * @param nominee         the nominee, sealed; they must be registered (ACC-1)
 * @param validUntil      the last day the relationship works (有效期止), China Standard Time
 */
public record AddTaxOfficer(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        EnterpriseId enterpriseId,
        Uscc uscc,
        SealedHolder nominee,
        TaxOfficerIdentity taxOfficerIdentity,
        Set<FunctionSet> scopes,
        LocalDate validUntil,
        Actor nominatedBy) {
}
