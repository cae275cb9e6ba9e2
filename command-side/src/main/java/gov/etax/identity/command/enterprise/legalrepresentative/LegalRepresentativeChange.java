package gov.etax.identity.command.enterprise.legalrepresentative;

import gov.etax.identity.command.authorization.AuthorizationFacts;
import gov.etax.identity.command.authorization.AuthorizationReason;
import gov.etax.identity.command.authorization.HolderSealing;
import gov.etax.identity.command.enterprise.EnterpriseReason;
import gov.etax.identity.command.enterprise.EnterpriseRegister;
import gov.etax.identity.command.enterprise.confirmation.TaxInformationConfirmation;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.enterprise.EnterpriseId;
import gov.etax.identity.kernel.enterprise.LegalRepresentativeSource;
import gov.etax.identity.kernel.enterprise.ReportedPerson;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.enterprise.commands.ChangeLegalRepresentative;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** ACC-1: staff enter a new legal representative from market-regulation (civil-affairs, social-security) data. */
@Service
public class LegalRepresentativeChange {

    private final EnterpriseRegister register;
    private final AuthorizationFacts facts;
    private final HolderSealing sealing;
    private final CommandGateway commands;

    public LegalRepresentativeChange(EnterpriseRegister register, AuthorizationFacts facts, HolderSealing sealing,
                                     CommandGateway commands) {
        this.register = register;
        this.facts = facts;
        this.sealing = sealing;
        this.commands = commands;
    }

    @Schema(name = "LegalRepresentativeChangeRequest")
    public record Request(String documentType, String documentNumber, String name, String source) {
    }

    @Schema(name = "LegalRepresentativeChanged")
    public record Changed(String enterpriseId, String uscc, String previousAuthorizationId, String authorizationId,
                          String source) {
    }

    public Changed change(String usccText, Request request, String staffId) {
        Uscc uscc = new Uscc(usccText);
        ReportedPerson person = TaxInformationConfirmation.reported(
                new TaxInformationConfirmation.PersonData(request.documentType(), request.documentNumber(), request.name()));
        LegalRepresentativeSource source = source(request.source());
        EnterpriseId enterpriseId = register.find(uscc).orElseThrow(AuthorizationReason.ENTERPRISE_NOT_FOUND::refusal);
        LegalRepresentativeMustChange.check(facts, uscc, sealing.hashOf(person.document()));

        AuthorizationId authorizationId = AuthorizationId.generate();
        AuthorizationId previous = commands.sendAndWait(new ChangeLegalRepresentative(enterpriseId,
                sealing.seal(authorizationId, person.document(), person.name()), source, authorizationId, staffId));
        return new Changed(enterpriseId.value(), uscc.value(), previous.value(), authorizationId.value(), source.name());
    }

    private static LegalRepresentativeSource source(String source) {
        if (source != null) {
            try {
                LegalRepresentativeSource parsed = LegalRepresentativeSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
                if (parsed != LegalRepresentativeSource.TAX_INFORMATION_CONFIRMATION) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw EnterpriseReason.INVALID_LEGAL_REPRESENTATIVE_SOURCE.refusal();
    }
}
