package gov.etax.identity.command.person.unified;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.NaturalPerson;
import gov.etax.identity.kernel.person.commands.AddProvinceAccount;
import gov.etax.identity.kernel.person.commands.ChooseUnifiedCredentials;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * PWD-6: the person's aggregate decides which province accounts they hold and which is in use; the
 * credentials follow in the same unit of work, only when it accepted (secrets, never events,
 * docs/adr/0039).
 */
@Component
public class ProvinceCredentialHandler {

    private final Repository<NaturalPerson> persons;
    private final CredentialStore credentials;

    public ProvinceCredentialHandler(Repository<NaturalPerson> persons, CredentialStore credentials) {
        this.persons = persons;
        this.credentials = credentials;
    }

    @CommandHandler
    public void handle(AddProvinceAccount command) {
        persons.load(command.personId().value()).execute(person -> person.addProvinceAccount(command));
        credentials.storeProvince(command.personId(), command.province(), command.initialPasswordHash(), true);
    }

    /** Answers whether anything changed: choosing the credentials already in use records nothing. */
    @CommandHandler
    public boolean handle(ChooseUnifiedCredentials command) {
        boolean changed = persons.load(command.personId().value())
                .invoke(person -> person.chooseUnifiedCredentials(command));
        if (changed) {
            credentials.useProvince(command.personId(), command.province());
        }
        return changed;
    }
}
