package gov.etax.identity.command.enterprise.confirmation;

import gov.etax.identity.command.authorization.HolderSealing;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.command.enterprise.EnterpriseRegister;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.authorization.SealedHolder;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.ReportedPerson;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.commands.ConfirmEnterpriseTaxInformation;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.DocumentType;
import gov.etax.identity.kernel.person.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** REG-1, ACC-3, ACC-4: staff confirm an enterprise's tax information; input checks, then one command. */
@Service
public class TaxInformationConfirmation {

    private static final int MAX_NAME_LENGTH = 200;

    private final EnterpriseRegister register;
    private final HolderSealing sealing;
    private final CommandGateway commandGateway;

    public TaxInformationConfirmation(EnterpriseRegister register, HolderSealing sealing,
                                      CommandGateway commandGateway) {
        this.register = register;
        this.sealing = sealing;
        this.commandGateway = commandGateway;
    }

    @Schema(name = "EnterprisePersonData")
    public record PersonData(String documentType, String documentNumber, String name) {
    }

    @Schema(name = "EnterpriseConfirmationRequest")
    public record Request(String uscc, String name, PersonData legalRepresentative, PersonData financeManager) {
    }

    @Schema(name = "EnterpriseConfirmed")
    public record Confirmed(String enterpriseId, String uscc, String legalRepresentativeAuthorizationId,
                            String financeManagerAuthorizationId) {
    }

    public Confirmed confirm(Request request, String staffId) {
        Uscc uscc = new Uscc(request.uscc());
        String name = enterpriseName(request.name());
        if (request.legalRepresentative() == null) {
            throw EnterpriseReason.LEGAL_REPRESENTATIVE_REQUIRED.refusal();
        }
        ReportedPerson legalRepresentative = reported(request.legalRepresentative());
        ReportedPerson financeManager = request.financeManager() == null ? null : reported(request.financeManager());
        OneEnterprisePerUscc.check(register, uscc);

        EnterpriseId enterpriseId = EnterpriseId.generate();
        AuthorizationId legalRepresentativeAuthorization = AuthorizationId.generate();
        AuthorizationId financeManagerAuthorization = financeManager == null ? null : AuthorizationId.generate();
        commandGateway.sendAndWait(new ConfirmEnterpriseTaxInformation(enterpriseId, uscc, name,
                seal(legalRepresentativeAuthorization, legalRepresentative),
                financeManager == null ? null : seal(financeManagerAuthorization, financeManager),
                legalRepresentativeAuthorization, financeManagerAuthorization, staffId));
        return new Confirmed(enterpriseId.value(), uscc.value(), legalRepresentativeAuthorization.value(),
                financeManagerAuthorization == null ? null : financeManagerAuthorization.value());
    }

    private SealedHolder seal(AuthorizationId authorization, ReportedPerson person) {
        return sealing.seal(authorization, person.document(), person.name());
    }

    public static ReportedPerson reported(PersonData data) {
        return new ReportedPerson(new DocumentNumber(DocumentType.parse(data.documentType()), data.documentNumber()),
                new PersonName(data.name()));
    }

    private static String enterpriseName(String name) {
        if (name == null || name.isBlank()) {
            throw EnterpriseReason.INVALID_ENTERPRISE_NAME.refusal("The enterprise name is missing.");
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw EnterpriseReason.INVALID_ENTERPRISE_NAME.refusal();
        }
        return stripped;
    }
}
