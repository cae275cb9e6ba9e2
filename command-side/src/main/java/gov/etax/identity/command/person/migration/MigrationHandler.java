package gov.etax.identity.command.person.migration;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.person.NaturalPerson;
import gov.etax.identity.kernel.person.commands.MigrateNaturalPerson;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * REG-5, PWD-2: the aggregate decides and applies; once it accepted the migrated person, the
 * initial password of the province account is stored in the same unit of work (a secret, never an
 * event, docs/adr/0039). A person the province held no password for gets none (PWD-4).
 */
@Component
public class MigrationHandler {

    private final Repository<NaturalPerson> persons;
    private final IdentityClaims claims;
    private final CredentialStore credentials;

    public MigrationHandler(Repository<NaturalPerson> persons, IdentityClaims claims, CredentialStore credentials) {
        this.persons = persons;
        this.claims = claims;
        this.credentials = credentials;
    }

    @CommandHandler
    public void handle(MigrateNaturalPerson command) throws Exception {
        persons.newInstance(() -> new NaturalPerson(command, claims));
        if (command.initialPasswordHash() != null) {
            credentials.storeProvince(command.personId(), command.province(), command.initialPasswordHash(), true);
        }
    }
}
