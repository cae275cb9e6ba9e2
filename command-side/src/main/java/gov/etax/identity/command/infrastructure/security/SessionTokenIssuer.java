package gov.etax.identity.command.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import gov.etax.identity.kernel.security.RsaKeys;
import gov.etax.identity.kernel.security.SessionTokens;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs person session tokens (RS256) and publishes the public key as a JWK set. */
@Component
public class SessionTokenIssuer {

    private final RSAKey signingKey;
    private final NimbusJwtEncoder encoder;

    public SessionTokenIssuer(SecurityProperties properties) {
        RSAPrivateCrtKey privateKey = RsaKeys.privateKey(properties.sessionSigningKey(), "etax.security.session-signing-key");
        RSAPublicKey publicKey = RsaKeys.publicKeyOf(privateKey);
        try {
            // The key id is the key's thumbprint: the same on every node, new with every new key.
            this.signingKey = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key id of the session signing key", e);
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }

    public String issue(PersonSession session) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(SessionTokens.ISSUER)
                .subject(session.personId().value())
                .issuedAt(session.issuedAt())
                .expiresAt(session.expiresAt())
                .claim(SessionTokens.SESSION_ID, session.sessionId().value())
                .claim(SessionTokens.ENTRY, session.entry().name())
                .claim(SessionTokens.METHOD, session.method().name())
                .claim(SessionTokens.VERIFIED_BY, session.method().verifiedBy())
                .claim(SessionTokens.PASSWORD_CHANGE_REQUIRED, session.passwordChangeRequired());
        if (session.actingFor() != null) {
            claims.claim(SessionTokens.ENTERPRISE, session.actingFor().enterprise().value())
                    .claim(SessionTokens.ENTERPRISE_ROLE, session.actingFor().role().name());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public RSAPublicKey publicKey() {
        try {
            return signingKey.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set (never the private parts). */
    public Map<String, Object> jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }
}
