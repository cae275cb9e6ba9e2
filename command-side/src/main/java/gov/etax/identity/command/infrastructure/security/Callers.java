package gov.etax.identity.command.infrastructure.security;

import gov.etax.identity.kernel.security.SessionTokens;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: a person (ROLE_PERSON) or bureau staff in one of their roles. */
public final class Callers implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final Set<String> STAFF_ROLES = Set.of("TAX_STAFF", "AUDITOR", "OPERATOR");

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (SessionTokens.ISSUER.equals(jwt.getClaimAsString("iss"))) {
            return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_PERSON")), jwt.getSubject());
        }
        String role = jwt.getClaimAsString(SessionTokens.STAFF_ROLE);
        List<SimpleGrantedAuthority> authorities = STAFF_ROLES.contains(role)
                ? List.of(new SimpleGrantedAuthority("ROLE_" + role)) : List.of();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
