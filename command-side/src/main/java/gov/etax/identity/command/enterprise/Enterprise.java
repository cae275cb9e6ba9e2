package gov.etax.identity.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import gov.etax.identity.command.authorization.Authorization;
import gov.etax.identity.command.authorization.AuthorizationClaims;
import gov.etax.identity.command.authorization.Relationships;
import gov.etax.identity.command.enterprise.confirmation.OneEnterprisePerUscc;
import gov.etax.identity.command.enterprise.financemanager.FinanceManagerMustChange;
import gov.etax.identity.command.enterprise.legalrepresentative.LegalRepresentativeMustChange;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.privacy.PersonalDataVault;
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

    @AggregateIdentifier
    private EnterpriseId enterpriseId;
    private Uscc uscc;
    private AuthorizationId legalRepresentativeAuthorizationId;
    private AuthorizationId financeManagerAuthorizationId;

    protected Enterprise() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Enterprise(ConfirmEnterpriseTaxInformation command, EnterpriseRegister register,
                      Relationships relationships, AuthorizationClaims claims, PersonalDataVault vault,
                      PersonDirectory directory) throws Exception {
        OneEnterprisePerUscc.claim(register, command.uscc(), command.enterpriseId());
        apply(new EnterpriseTaxInformationConfirmed(command.enterpriseId(), command.uscc(), command.name(),
                command.legalRepresentativeAuthorizationId(),
                command.financeManager() == null ? null : command.financeManagerAuthorizationId(),
                command.confirmedBy()));
        Authorization.Ports ports = new Authorization.Ports(relationships, claims, vault, directory);
        createNew(Authorization.class, () -> Authorization.bindLegalRepresentative(
                command.legalRepresentativeAuthorizationId(), command.enterpriseId(), command.uscc(),
                command.legalRepresentative(), LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION,
                command.confirmedBy(), ports));
        if (command.financeManager() != null) {
            createNew(Authorization.class, () -> Authorization.reportFinanceManager(
                    command.financeManagerAuthorizationId(), command.enterpriseId(), command.uscc(),
                    command.financeManager(), command.confirmedBy(), ports));
        }
    }

    /**
     * ACC-1: the old legal representative's binding ends and the new one's starts, in one transaction.
     *
     * @return the authorization of the legal representative who was succeeded
     */
    @CommandHandler
    public AuthorizationId handle(ChangeLegalRepresentative command, LegalRepresentations legalRepresentations,
                       Relationships relationships, AuthorizationClaims claims, PersonalDataVault vault,
                       PersonDirectory directory) throws Exception {
        LegalRepresentativeMustChange.check(claims, uscc, command.newLegalRepresentative().document());
        AuthorizationId previous = legalRepresentativeAuthorizationId;
        legalRepresentations.endForSuccessor(previous, command.newAuthorizationId(), command.changedBy());
        apply(new LegalRepresentativeChanged(enterpriseId, uscc, previous, command.newAuthorizationId(),
                command.source(), command.changedBy()));
        Authorization.Ports ports = new Authorization.Ports(relationships, claims, vault, directory);
        createNew(Authorization.class, () -> Authorization.bindLegalRepresentative(command.newAuthorizationId(),
                enterpriseId, uscc, command.newLegalRepresentative(), command.source(), command.changedBy(), ports));
        return previous;
    }

    /**
     * ACC-4: a new report of the finance manager ends the previous report's authorization and
     * starts a pending one for the new person, in one transaction.
     */
    @CommandHandler
    public AuthorizationId handle(ReportNewFinanceManager command, FinanceManagerReports financeManagerReports,
                                  Relationships relationships, AuthorizationClaims claims, PersonalDataVault vault,
                                  PersonDirectory directory) throws Exception {
        FinanceManagerMustChange.check(claims, uscc, command.newFinanceManager().document());
        AuthorizationId previous = financeManagerAuthorizationId;
        if (previous != null) {
            financeManagerReports.endForNewReport(previous, command.newAuthorizationId(), command.reportedBy());
        }
        apply(new FinanceManagerReplaced(enterpriseId, uscc, previous, command.newAuthorizationId(),
                command.reportedBy()));
        Authorization.Ports ports = new Authorization.Ports(relationships, claims, vault, directory);
        createNew(Authorization.class, () -> Authorization.reportFinanceManager(command.newAuthorizationId(),
                enterpriseId, uscc, command.newFinanceManager(), command.reportedBy(), ports));
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
