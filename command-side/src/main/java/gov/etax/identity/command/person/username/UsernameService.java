package gov.etax.identity.command.person.username;

import gov.etax.identity.command.person.IdentifierSealing;
import gov.etax.identity.command.person.PersonDirectory;
import gov.etax.identity.command.person.PersonReason;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.Username;
import gov.etax.identity.kernel.person.commands.ChangeUsername;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** LOGIN-7: 【个人信息维护】, set or change the username of the logged-in person. */
@Service
public class UsernameService {

    private final PersonDirectory directory;
    private final CommandGateway commandGateway;
    private final IdentifierSealing sealing;

    public UsernameService(PersonDirectory directory, CommandGateway commandGateway, IdentifierSealing sealing) {
        this.directory = directory;
        this.sealing = sealing;
        this.commandGateway = commandGateway;
    }

    /** @param changed false when the person already had exactly this username */
    @Schema(name = "UsernameChangeResult")
    public record Result(String username, boolean changed) {
    }

    public Result change(PersonId person, String requested) {
        Username username = new Username(requested);
        Optional<PersonId> holder = directory.withUsername(username);
        if (holder.filter(person::equals).isPresent()) {
            // The same username again is no change, and does not use up the year's change.
            return new Result(username.value(), false);
        }
        if (holder.isPresent()) {
            throw PersonReason.USERNAME_TAKEN.refusal();
        }
        Boolean changed = commandGateway.sendAndWait(new ChangeUsername(person, sealing.forPerson(person).username(username)));
        return new Result(username.value(), Boolean.TRUE.equals(changed));
    }
}
