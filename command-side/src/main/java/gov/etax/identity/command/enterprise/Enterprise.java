package gov.etax.identity.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import gov.etax.identity.command.authorization.Authorization;
import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.enterprise.confirmation.OneEnterprisePerUscc;
import gov.etax.identity.command.enterprise.financemanager.FinanceManagerMustChange;
import gov.etax.identity.command.enterprise.legalrepresentative.LegalRepresentativeMustChange;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.commands.ChangeLegalRepresentative;
import gov.etax.identity.kernel.enterprise.commands.ConfirmEnterpriseTaxInformation;
import gov.etax.identity.kernel.enterprise.commands.ReportNewFinanceManager;
import gov.etax.identity.kernel.enterprise.events.EnterpriseTaxInformationConfirmed;
import gov.etax.identity.kernel.enterprise.events.FinanceManagerReplaced;
import gov.etax.identity.kernel.enterprise.events.LegalRepresentativeChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A taxpayer unit, identified by its unified social credit code. It never registers itself: it
 * exists once the tax authority confirms its tax information (REG-1), and at that moment its legal
 * representative is bound (ACC-3) and a reported finance manager gets a pending authorization
 * (ACC-4), replaced when the enterprise reports a new one. Those authorizations are aggregates
 * of their own, created in this unit of work.
 */
@Aggregate
public class Enterprise {

    /** The subscribing group whose handlers end, in the same transaction, what a new report replaces. */
    public static final String SUCCESSIONS = "enterprise-successions";

    @AggregateIdentifier
    private EnterpriseId enterpriseId;
    private Uscc uscc;
    private AuthorizationId legalRepresentativeAuthorizationId;
    private AuthorizationId financeManagerAuthorizationId;

    protected Enterprise() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Enterprise(ConfirmEnterpriseTaxInformation command, EnterpriseRegister register) throws Exception {
        OneEnterprisePerUscc.check(register, command.uscc());
        apply(new EnterpriseTaxInformationConfirmed(command.enterpriseId(), command.uscc(), command.name(),
                command.legalRepresentativeAuthorizationId(),
                command.financeManager() == null ? null : command.financeManagerAuthorizationId(),
                command.confirmedBy()));
        createNew(Authorization.class, () -> Authorization.bindLegalRepresentative(
                command.legalRepresentativeAuthorizationId(), command.enterpriseId(), command.uscc(),
                command.legalRepresentative(), LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION,
                command.confirmedBy()));
        if (command.financeManager() != null) {
            createNew(Authorization.class, () -> Authorization.reportFinanceManager(
                    command.financeManagerAuthorizationId(), command.enterpriseId(), command.uscc(),
                    command.financeManager(), command.confirmedBy()));
        }
    }

    /**
     * ACC-1: the new legal representative's binding starts; the old one's ends in the same
     * transaction, sent on {@link LegalRepresentativeChanged} (legalrepresentative slice).
     *
     * @return the authorization of the legal representative who was succeeded
     */
    @CommandHandler
    public AuthorizationId handle(ChangeLegalRepresentative command, AuthorizationFacts facts) throws Exception {
        LegalRepresentativeMustChange.check(facts, uscc, command.newLegalRepresentative().documentHash());
        AuthorizationId previous = legalRepresentativeAuthorizationId;
        apply(new LegalRepresentativeChanged(enterpriseId, uscc, previous, command.newAuthorizationId(),
                command.source(), command.changedBy()));
        createNew(Authorization.class, () -> Authorization.bindLegalRepresentative(command.newAuthorizationId(),
                enterpriseId, uscc, command.newLegalRepresentative(), command.source(), command.changedBy()));
        return previous;
    }

    /**
     * ACC-4: a new report of the finance manager starts a pending authorization for the new person;
     * the previous report's authorization ends in the same transaction, sent on
     * {@link FinanceManagerReplaced} (financemanager slice).
     */
    @CommandHandler
    public AuthorizationId handle(ReportNewFinanceManager command, AuthorizationFacts facts) throws Exception {
        FinanceManagerMustChange.check(facts, uscc, command.newFinanceManager().documentHash());
        AuthorizationId previous = financeManagerAuthorizationId;
        apply(new FinanceManagerReplaced(enterpriseId, uscc, previous, command.newAuthorizationId(),
                command.reportedBy()));
        createNew(Authorization.class, () -> Authorization.reportFinanceManager(command.newAuthorizationId(),
                enterpriseId, uscc, command.newFinanceManager(), command.reportedBy()));
        return previous;
    }

    @EventSourcingHandler
    void on(EnterpriseTaxInformationConfirmed event) {
        this.enterpriseId = event.enterpriseId();
        this.uscc = event.uscc();
        this.legalRepresentativeAuthorizationId = event.legalRepresentativeAuthorizationId();
        this.financeManagerAuthorizationId = event.financeManagerAuthorizationId();
    }

    @EventSourcingHandler
    void on(FinanceManagerReplaced event) {
        this.financeManagerAuthorizationId = event.newAuthorizationId();
    }

    @EventSourcingHandler
    void on(LegalRepresentativeChanged event) {
        this.legalRepresentativeAuthorizationId = event.newAuthorizationId();
    }
}
