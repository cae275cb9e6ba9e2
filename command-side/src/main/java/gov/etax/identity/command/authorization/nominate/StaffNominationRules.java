package gov.etax.identity.command.authorization.nominate;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.authorization.OneAuthorizationPerHolderAndRole;
import gov.etax.identity.command.authorization.OnlyLegalRepresentativeOrFinanceManager;
import gov.etax.identity.kernel.authorization.Actor;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.FunctionSet;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.authorization.TaxOfficerIdentity;
import gov.etax.identity.kernel.authorization.commands.AddInvoicingOfficer;
import gov.etax.identity.kernel.authorization.commands.AddTaxOfficer;
import gov.etax.identity.kernel.authorization.events.StaffNominated;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.PersonId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** ACC-1, ACC-2, ACC-5: the rules of a nomination, in the order they answer; the event when all pass. */
public final class StaffNominationRules {

    private StaffNominationRules() {
    }

    public static StaffNominated decide(AddTaxOfficer c, AuthorizationFacts facts, Instant now) {
        return decide(c.authorizationId(), c.enterpriseId(), c.uscc(), RelationshipRole.TAX_OFFICER,
                c.taxOfficerIdentity() == null ? TaxOfficerIdentity.MAIN : c.taxOfficerIdentity(), c.scopes(),
                c.validUntil(), c.nominee(), c.nominatedBy(), facts, now);
    }

    public static StaffNominated decide(AddInvoicingOfficer c, AuthorizationFacts facts, Instant now) {
        return decide(c.authorizationId(), c.enterpriseId(), c.uscc(), RelationshipRole.INVOICING_OFFICER, null,
                c.scopes(), c.validUntil(), c.nominee(), c.nominatedBy(), facts, now);
    }

    private static StaffNominated decide(AuthorizationId id, EnterpriseId enterpriseId, Uscc uscc,
                                         RelationshipRole role, TaxOfficerIdentity identity,
                                         Set<FunctionSet> requested, LocalDate validUntil, SealedHolder nominee,
                                         Actor nominatedBy, AuthorizationFacts facts, Instant now) {
        OnlyLegalRepresentativeOrFinanceManager.check(nominatedBy, uscc, facts, now);
        PersonId person = NomineeMustBeRegistered.check(nominee);
        Set<FunctionSet> granted = ScopesOfRole.grantFor(role, requested);
        ValidUntilAhead.check(validUntil, now);
        OneAuthorizationPerHolderAndRole.check(facts, uscc, role, nominee);
        return new StaffNominated(id, enterpriseId, uscc, role, identity, granted, validUntil, person,
                nominee.documentType(), nominee.documentNumber(), nominatedBy.personId(),
                nominatedBy.actingFor().role());
    }
}
