package gov.etax.identity.command.authorization.agency;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.authorization.OneAuthorizationPerHolderAndRole;
import gov.etax.identity.command.authorization.OnlyLegalRepresentativeOrFinanceManager;
import gov.etax.identity.command.authorization.nominate.ScopesOfRole;
import gov.etax.identity.command.authorization.nominate.ValidUntilAhead;
import gov.etax.identity.kernel.authorization.AgencySide;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.commands.RequestTaxAgency;
import gov.etax.identity.kernel.authorization.events.TaxAgencyRequested;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.util.Set;

/** ACC-1, ACC-2, ACC-5 for tax agents: the rules of a request, in the order they answer; the event when all pass. */
public final class TaxAgencyRules {

    private TaxAgencyRules() {
    }

    public static TaxAgencyRequested decide(RequestTaxAgency c, AuthorizationFacts facts, Instant now) {
        AgencyIsNotItsOwnClient.check(c.clientUscc(), c.agencyUscc());
        Uscc initiator = c.initiatedBy() == AgencySide.CLIENT ? c.clientUscc() : c.agencyUscc();
        OnlyLegalRepresentativeOrFinanceManager.check(c.requestedBy(), initiator, facts, now);
        PersonId agent = AgentMustWorkForAgency.check(c.agent(), c.agencyUscc(), facts, now);
        Set<FunctionSet> granted = ScopesOfRole.grantFor(RelationshipRole.TAX_AGENT, c.scopes());
        ValidUntilAhead.check(c.validUntil(), now);
        OneAuthorizationPerHolderAndRole.check(facts, c.clientUscc(), RelationshipRole.TAX_AGENT, c.agent());
        return new TaxAgencyRequested(c.authorizationId(), c.clientEnterpriseId(), c.clientUscc(),
                c.agencyEnterpriseId(), c.agencyUscc(), granted, c.validUntil(), agent, c.agent().documentType(),
                c.agent().documentNumber(), c.initiatedBy(), c.requestedBy().personId(),
                c.requestedBy().actingFor().role());
    }
}
