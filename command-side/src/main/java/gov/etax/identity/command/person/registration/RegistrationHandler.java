package gov.etax.identity.command.person.registration;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.IdentityClaims;
import gov.etax.identity.command.person.NaturalPerson;
import gov.etax.identity.kernel.person.commands.RegisterNaturalPerson;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * REG-2: the aggregate decides and applies; once it accepted the person, their password hash is
 * stored in the same unit of work. The hash is a secret, never an event, so no look-up can follow it
 * (docs/adr/0039).
 */
@Component
public class RegistrationHandler {

    private final Repository<NaturalPerson> persons;
    private final IdentityClaims claims;
    private final CredentialStore credentials;

    public RegistrationHandler(Repository<NaturalPerson> persons, IdentityClaims claims, CredentialStore credentials) {
        this.persons = persons;
        this.claims = claims;
        this.credentials = credentials;
    }

    @CommandHandler
    public void handle(RegisterNaturalPerson command) throws Exception {
        persons.newInstance(() -> new NaturalPerson(command, claims));
        credentials.store(command.personId(), command.passwordHash());
    }
}
