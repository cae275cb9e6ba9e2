package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.person.AuthenticationMethod;
import gov.etax.identity.kernel.person.LoginEntry;
import gov.etax.identity.kernel.person.PersonId;
import gov.etax.identity.kernel.person.SessionId;
import gov.etax.identity.kernel.security.SessionTokens;
import org.springframework.security.oauth2.jwt.Jwt;

/** The person behind a session token, as the command API sees them. */
public record CurrentPerson(PersonId personId, SessionId sessionId, LoginEntry entry, AuthenticationMethod method) {

    public static CurrentPerson of(Jwt jwt) {
        return new CurrentPerson(PersonId.parse(jwt.getSubject()),
                SessionId.parse(jwt.getClaimAsString(SessionTokens.SESSION_ID)),
                LoginEntry.valueOf(jwt.getClaimAsString(SessionTokens.ENTRY)),
                AuthenticationMethod.valueOf(jwt.getClaimAsString(SessionTokens.METHOD)));
    }

    /** The session itself was opened with a face scan (ACC-5: no second scan needed). */
    public boolean verifiedByFace() {
        return method != AuthenticationMethod.PASSWORD_SMS;
    }
}
