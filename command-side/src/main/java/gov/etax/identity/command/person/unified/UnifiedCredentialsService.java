package gov.etax.identity.command.person.unified;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.CredentialStore.ProvinceCredential;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.ProvinceCode;
import gov.etax.identity.kernel.person.commands.ChooseUnifiedCredentials;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** PWD-6 "一地采集，各地互认": list a person's province accounts and choose the unified credentials. */
@Service
public class UnifiedCredentialsService {

    private final CredentialStore credentials;
    private final CommandGateway commandGateway;

    public UnifiedCredentialsService(CredentialStore credentials, CommandGateway commandGateway) {
        this.credentials = credentials;
        this.commandGateway = commandGateway;
    }

    /**
     * @param unified these credentials log the person in, in every province
     * @param passwordChangeRequired the province's password is still its initial one (PWD-2)
     */
    public record ProvinceAccount(String province, boolean unified, boolean passwordChangeRequired) {
    }

    public record ProvinceAccounts(List<ProvinceAccount> provinceAccounts) {
    }

    @Schema(name = "UnifiedCredentialsRequest")
    public record Request(String province) {
    }

    /** @param passwordChangeRequired the next login must replace the chosen credentials' initial password */
    @Schema(name = "UnifiedCredentialsChosen")
    public record Chosen(String province, boolean passwordChangeRequired) {
    }

    public ProvinceAccounts list(PersonId person) {
        return new ProvinceAccounts(credentials.provinceAccounts(person).stream()
                .map(account -> new ProvinceAccount(account.province().value(), account.inUse(), account.mustChange()))
                .toList());
    }

    public Chosen choose(PersonId person, Request request) {
        ProvinceCode province = new ProvinceCode(request.province());
        commandGateway.sendAndWait(new ChooseUnifiedCredentials(person, province));
        boolean mustChange = credentials.provinceAccounts(person).stream()
                .filter(account -> account.province().equals(province))
                .anyMatch(ProvinceCredential::mustChange);
        return new Chosen(province.value(), mustChange);
    }
}
