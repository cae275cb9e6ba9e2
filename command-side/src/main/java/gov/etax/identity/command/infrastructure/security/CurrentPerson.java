package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.authorization.RelationshipRole;
import gov.etax.identity.kernel.enterprise.Uscc;
import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.security.SessionTokens;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind a session token, as the command API sees them.
 *
 * @param enterprise     the enterprise of an enterprise or agent session, else null
 * @param enterpriseRole the role the person acts in for that enterprise, else null
 */
public record CurrentPerson(PersonId personId, SessionId sessionId, LoginEntry entry, AuthenticationMethod method,
                            Uscc enterprise, RelationshipRole enterpriseRole) {

    public static CurrentPerson of(Jwt jwt) {
        String enterprise = jwt.getClaimAsString(SessionTokens.ENTERPRISE);
        String role = jwt.getClaimAsString(SessionTokens.ENTERPRISE_ROLE);
        return new CurrentPerson(PersonId.parse(jwt.getSubject()),
                SessionId.parse(jwt.getClaimAsString(SessionTokens.SESSION_ID)),
                LoginEntry.valueOf(jwt.getClaimAsString(SessionTokens.ENTRY)),
                AuthenticationMethod.valueOf(jwt.getClaimAsString(SessionTokens.METHOD)),
                enterprise == null ? null : new Uscc(enterprise),
                role == null ? null : RelationshipRole.valueOf(role));
    }

    /** Acting for this enterprise in this session (ACC-2 needs an enterprise session). */
    public boolean actsFor(Uscc uscc) {
        return enterprise != null && enterprise.equals(uscc);
    }

    /** The session itself was opened with a face scan (ACC-5: no second scan needed). */
    public boolean verifiedByFace() {
        return method != AuthenticationMethod.PASSWORD_SMS;
    }
}
