package gov.etax.identity.command.enterprise.financemanager;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.HolderSealing;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.command.enterprise.EnterpriseRegister;
import gov.etax.identity.command.enterprise.confirmation.TaxInformationConfirmation;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.ReportedPerson;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.commands.ReportNewFinanceManager;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** ACC-4: staff enter the finance manager the enterprise reported anew; input checks, then one command. */
@Service
public class FinanceManagerReport {

    private final EnterpriseRegister register;
    private final AuthorizationFacts facts;
    private final HolderSealing sealing;
    private final CommandGateway commands;

    public FinanceManagerReport(EnterpriseRegister register, AuthorizationFacts facts, HolderSealing sealing,
                                CommandGateway commands) {
        this.register = register;
        this.facts = facts;
        this.sealing = sealing;
        this.commands = commands;
    }

    @Schema(name = "FinanceManagerReportRequest")
    public record Request(String documentType, String documentNumber, String name) {
    }

    /** @param previousAuthorizationId the authorization of the report replaced, null when none was reported */
    @Schema(name = "FinanceManagerReported")
    public record Reported(String enterpriseId, String uscc, String previousAuthorizationId, String authorizationId,
                           String status) {
    }

    public Reported report(String usccText, Request request, String staffId) {
        Uscc uscc = new Uscc(usccText);
        ReportedPerson person = TaxInformationConfirmation.reported(
                new TaxInformationConfirmation.PersonData(request.documentType(), request.documentNumber(), request.name()));
        EnterpriseId enterpriseId = register.find(uscc).orElseThrow(AuthorizationReason.ENTERPRISE_NOT_FOUND::refusal);
        FinanceManagerMustChange.check(facts, uscc, sealing.hashOf(person.document()));

        AuthorizationId authorizationId = AuthorizationId.generate();
        AuthorizationId previous = commands.sendAndWait(new ReportNewFinanceManager(enterpriseId,
                sealing.seal(authorizationId, person.document(), person.name()), authorizationId, staffId));
        return new Reported(enterpriseId.value(), uscc.value(), previous == null ? null : previous.value(),
                authorizationId.value(), "PENDING");
    }
}
