package gov.etax.identity.kernel.authorization.commands;

import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One side of a tax agency asks for a tax agent relationship: a person of the agency handles the
 * client's tax matters. The other side confirms it.
 *
 * @param agent       the agency's person who will act for the client (涉税代理人员)
 * @param initiatedBy which side asks; {@code requestedBy} acts for that side's enterprise
 */
public record RequestTaxAgency(
        @TargetAggregateIdentifier AuthorizationId authorizationId,
        EnterpriseId clientEnterpriseId,
        Uscc clientUscc,
        EnterpriseId agencyEnterpriseId,
        Uscc agencyUscc,
        SealedHolder agent,
        Set<FunctionSet> scopes,
        LocalDate validUntil,
        AgencySide initiatedBy,
        Actor requestedBy) {
}
