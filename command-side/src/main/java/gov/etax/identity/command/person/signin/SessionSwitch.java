package gov.etax.identity.command.person.signin;

import gov.etax.identity.command.infrastructure.security.PersonSession;
import gov.etax.identity.command.infrastructure.security.SessionTokenIssuer;
import gov.etax.identity.command.person.EnterpriseRoles;
import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.ActingFor;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.person.commands.EndSession;
import gov.etax.identity.kernel.person.commands.SwitchSession;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** What a session does to itself: act in another role or enterprise (ACC-8, ACC-9), or end (logout). */
@Service
public class SessionSwitch {

    private final CommandGateway commandGateway;
    private final SessionStore sessions;
    private final SessionTokenIssuer tokenIssuer;
    private final EnterpriseRoles roles;
    private final Clock clock;

    public SessionSwitch(CommandGateway commandGateway, SessionStore sessions, SessionTokenIssuer tokenIssuer,
                         EnterpriseRoles roles, Clock clock) {
        this.commandGateway = commandGateway;
        this.sessions = sessions;
        this.tokenIssuer = tokenIssuer;
        this.roles = roles;
        this.clock = clock;
    }

    /**
     * ACC-8, ACC-9: act in another role or for another related enterprise without logging in again;
     * {@code uscc} null goes back to natural-person business.
     */
    public SessionGranted switchTo(PersonId person, SessionId current, String uscc, String role) {
        ActingFor actingFor = null;
        LoginEntry entry = LoginEntry.NATURAL_PERSON;
        if (uscc != null) {
            Uscc enterprise = new Uscc(uscc);
            RelationshipRole wanted = role == null ? null : RoleChoice.roleOf(role);
            entry = wanted == RelationshipRole.TAX_AGENT ? LoginEntry.AGENT : LoginEntry.ENTERPRISE;
            actingFor = RoleChoice.of(roles.rolesIn(person, enterprise, clock.instant()), entry, enterprise, role);
            if (actingFor == null) {
                throw SignInReason.NO_RELATIONSHIP_WITH_ENTERPRISE.refusal();
            }
        }
        SessionId next = SessionId.generate();
        commandGateway.sendAndWait(new SwitchSession(person, current, next, entry, actingFor));
        PersonSession session = sessions.find(next).orElseThrow();
        return SessionGranted.of(session, tokenIssuer.issue(session));
    }

    public void logOut(PersonId person, SessionId session) {
        commandGateway.sendAndWait(EndSession.logout(person, session));
    }
}
