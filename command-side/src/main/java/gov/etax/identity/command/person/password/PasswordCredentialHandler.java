package gov.etax.identity.command.person.password;

import gov.etax.identity.command.person.CredentialStore;
import gov.etax.identity.command.person.NaturalPerson;
import gov.etax.identity.kernel.person.commands.ChangePassword;
import gov.etax.identity.kernel.person.commands.ResetPassword;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * PWD-3, PWD-4: the person's aggregate decides (a wrong current password, the lockout) and applies;
 * only if it accepted is the credential replaced, in the same unit of work. A refusal, recorded or
 * not, leaves the credential as it was. The hash is a secret, never an event (docs/adr/0039).
 */
@Component
public class PasswordCredentialHandler {

    private final Repository<NaturalPerson> persons;
    private final CredentialStore credentials;
    private final Clock clock;

    public PasswordCredentialHandler(Repository<NaturalPerson> persons, CredentialStore credentials, Clock clock) {
        this.persons = persons;
        this.credentials = credentials;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(ChangePassword command) {
        persons.load(command.personId().value()).execute(person -> person.changePassword(command));
        credentials.replace(command.personId(), command.newPasswordHash());
    }

    /** Answers whether the reset unlocked the account. */
    @CommandHandler
    public boolean handle(ResetPassword command) {
        boolean unlocked = persons.load(command.personId().value())
                .invoke(person -> person.resetPassword(command, clock.instant()));
        credentials.replace(command.personId(), command.newPasswordHash());
        return unlocked;
    }
}
