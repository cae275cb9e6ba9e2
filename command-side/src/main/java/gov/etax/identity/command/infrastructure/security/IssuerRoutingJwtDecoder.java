package gov.etax.identity.command.infrastructure.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Two issuers are trusted: this system for person sessions and the bureau's identity provider for
 * staff. The unverified {@code iss} only chooses which key must then verify the token.
 */
public class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> decodersByIssuer;

    public IssuerRoutingJwtDecoder(Map<String, JwtDecoder> decodersByIssuer) {
        this.decodersByIssuer = Map.copyOf(decodersByIssuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("Malformed token", e);
        }
        JwtDecoder decoder = issuer == null ? null : decodersByIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("Untrusted issuer");
        }
        return decoder.decode(token);
    }
}
