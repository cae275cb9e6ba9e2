package gov.etax.identity.command.authorization;

import gov.etax.identity.command.infrastructure.axon.NestedCommands;
import gov.etax.identity.kernel.authorization.AuthorizationId;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionEndReason;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.EndSession;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the open sessions recorded as acting under an authorization and sends {@link EndSession} to
 * each person. Inside another command's unit of work (the enterprise replacing its legal
 * representative) the commands run nested on the bus, in that transaction, like the enterprise's
 * {@code AxonLegalRepresentations}; otherwise each is its own command, retried on a concurrent change.
 */
@Component
public class AxonSessionsUnderRelationships implements SessionsUnderRelationships {

    private final JdbcTemplate jdbc;
    private final CommandBus commandBus;
    private final CommandGateway commands;
    private final Clock clock;

    public AxonSessionsUnderRelationships(JdbcTemplate jdbc, CommandBus commandBus, CommandGateway commands,
                                          Clock clock) {
        this.jdbc = jdbc;
        this.commandBus = commandBus;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public int endAll(AuthorizationId ended) {
        List<EndSession> ends = jdbc.query("SELECT person_id, session_id FROM person_session "
                        + "WHERE authorization_id = ? AND ended_at IS NULL AND expires_at > ?",
                (rs, row) -> new EndSession(PersonId.parse(rs.getString(1)), SessionId.parse(rs.getString(2)),
                        SessionEndReason.RELATIONSHIP_ENDED, ended),
                ended.value(), Timestamp.from(clock.instant()));
        boolean nested = CurrentUnitOfWork.isStarted();
        for (EndSession end : ends) {
            if (nested) {
                NestedCommands.dispatch(commandBus, end);
            } else {
                commands.sendAndWait(end);
            }
        }
        return ends.size();
    }
}
